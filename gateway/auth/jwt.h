#pragma once

#include "jwk.h"

#include <QJsonObject>

namespace gw::auth {

// A JWS in compact serialisation (RFC 7515 §7.1) carrying a JWT (RFC 7519): the decoded header
// and claims plus what the signature covers. Parsing checks syntax only; verify() checks the
// signature with OpenSSL (RS256/384/512, ES256/384, HS256/384/512; "none" and anything else are
// rejected).
class Jwt
{
public:
    static std::optional<Jwt> parse(const QByteArray &compact, QString *error);
    // Any JWS, whatever its payload (claims() then stays empty unless it is a JSON object).
    static std::optional<Jwt> parseJws(const QByteArray &compact, QString *error);

    bool verify(const Jwk &key, QString *error) const;

    QString algorithm() const { return m_header.value(QLatin1String("alg")).toString(); }
    QString keyId() const { return m_header.value(QLatin1String("kid")).toString(); }
    const QJsonObject &header() const { return m_header; }
    const QJsonObject &claims() const { return m_claims; }

    const QByteArray &payload() const { return m_payload; }

private:
    static std::optional<Jwt> parse(const QByteArray &compact, QString *error, bool requireClaims);

    QJsonObject m_header;
    QByteArray m_payload;
    QJsonObject m_claims;
    QByteArray m_signingInput;  // base64url(header) "." base64url(payload), as sent
    QByteArray m_signature;
};

} // namespace gw::auth
