#pragma once

#include "awscredentials.h"

#include "gateway/core/httpmessage.h"

#include <QDateTime>

#include <functional>

namespace gw::aws {

// Why a received SigV4 signature was refused; each maps to one of AWS's error types.
enum class SigV4Failure {
    None,
    Missing, // no Authorization header and no X-Amz-* query parameters
    Incomplete, // IncompleteSignatureException: malformed header or query parameters
    UnknownKey, // UnrecognizedClientException: unknown access key or wrong session token
    Mismatch, // InvalidSignatureException: wrong signature or credential scope
    Expired, // InvalidSignatureException: "Signature expired" / "not yet current"
};

struct SigV4Verification {
    SigV4Failure failure = SigV4Failure::None;
    QString message; // AWS's wording; never holds a secret
    QString accessKeyId; // as the request names it (empty when it could not be read)
    bool presigned = false; // query-string form
    QByteArray canonicalRequest; // what the server computed, for the trace and the mismatch message
    QByteArray stringToSign;

    bool ok() const { return failure == SigV4Failure::None; }
};

// Checks an inbound request signed with AWS Signature Version 4, in the Authorization header or
// presigned in the query string (X-Amz-Algorithm, -Credential, -Date, -Expires, -SignedHeaders,
// -Signature, -Security-Token). The canonical request and string to sign come from SigV4Signer:
// this class only reads what the client sent and compares. Immutable: any thread.
class SigV4Verifier {
public:
    // The credentials of an access key id, or null when the key is unknown.
    using CredentialLookup = std::function<const AwsCredentials *(const QString &accessKeyId)>;

    static constexpr qint64 kClockSkewSeconds = 5 * 60; // header form, either direction
    static constexpr qint64 kMaxExpiresSeconds = 7 * 24 * 3600;

    SigV4Verifier(QString region, QString service) : m_region(std::move(region)), m_service(std::move(service)) { }

    SigV4Verification verify(const HttpRequest &request, const QDateTime &now, const CredentialLookup &lookup) const;

private:
    QString m_region;
    QString m_service;
};

} // namespace gw::aws
