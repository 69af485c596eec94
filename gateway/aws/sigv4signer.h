#pragma once

#include "awscredentials.h"

#include "gateway/core/httpmessage.h"

#include <QDateTime>

namespace gw::aws {

// How one service wants its requests signed. S3 is the odd one out: it signs the path as
// sent (no dot-segment removal, no second encoding) and requires x-amz-content-sha256.
struct SigV4Options
{
    QString region;
    QString service;  // the signing name: "dynamodb", "states", "execute-api", "s3"...
    bool normalizePath = true;
    bool doubleEncodePath = true;
    bool unsignedPayload = false;         // payload hash "UNSIGNED-PAYLOAD"
    bool addContentSha256Header = false;  // x-amz-content-sha256, signed
    bool signSessionToken = true;         // false: X-Amz-Security-Token added after signing
    // Verifying a received signature: exactly the headers the client listed in SignedHeaders
    // (lower case), including ones this signer would never sign itself (User-Agent...).
    QList<QByteArray> signedHeaderNames;

    static SigV4Options forS3(const QString &region);
};

// Every intermediate of one signature, so tests and traces can show where two sides differ.
struct SigV4Signature
{
    QByteArray canonicalRequest;
    QByteArray stringToSign;
    QByteArray signedHeaders;
    QByteArray signature;      // lower-case hex
    QByteArray authorization;  // the Authorization header value
};

// AWS Signature Version 4 over gw::HttpRequest (target = the path and query as sent on the
// wire, percent-encoded; headers must include Host). Stateless and immutable after
// construction: one signer may be used from any number of threads at once.
class SigV4Signer
{
public:
    SigV4Signer(AwsCredentials credentials, SigV4Options options);

    // Sets X-Amz-Date (and X-Amz-Security-Token, x-amz-content-sha256 as configured), then
    // signs every header present and sets Authorization. Returns the intermediates.
    SigV4Signature sign(HttpRequest &request, const QDateTime &time) const;
    // Signs the request as it is (it must already carry X-Amz-Date); changes nothing.
    SigV4Signature compute(const HttpRequest &request, const QDateTime &time) const;

    const SigV4Options &options() const { return m_options; }

    static QByteArray amzDate(const QDateTime &time);  // 20150830T123600Z
    static QByteArray canonicalUri(const QByteArray &rawPath, bool normalize, bool doubleEncode);
    static QByteArray canonicalQuery(const QByteArray &rawQuery);
    // Returns the canonical header block (name:value\n...) and the signed-header list: every
    // signable header, or exactly those named in `only` when it is not empty.
    static QPair<QByteArray, QByteArray> canonicalHeaders(const HeaderList &headers,
                                                          const QList<QByteArray> &only = {});
    static QByteArray signingKey(const QString &secret, const QByteArray &date,
                                 const QString &region, const QString &service);
    static QByteArray hmacSha256(const QByteArray &key, const QByteArray &data);
    static QByteArray sha256Hex(const QByteArray &data);

private:
    QByteArray payloadHash(const HttpRequest &request) const;

    AwsCredentials m_credentials;
    SigV4Options m_options;
};

} // namespace gw::aws
