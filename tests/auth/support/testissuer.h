#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <memory>

typedef struct evp_pkey_st EVP_PKEY;

namespace gwtest {

// A token issuer for tests: key pairs generated with OpenSSL at test time (RSA 2048, EC P-256 /
// P-384), their public halves as a JWKS, and signed JWTs (RS256/384/512, ES256/384).
class TestIssuer
{
public:
    struct Key
    {
        QString kid;
        QString alg;
        std::shared_ptr<EVP_PKEY> key;
        QJsonObject published; // members that replace or extend the key's JWK in jwks()
    };

    // Adds a fresh key; returns its kid.
    QString addRsaKey(const QString &kid, const QString &alg = QStringLiteral("RS256"), int bits = 2048);
    QString addEcKey(const QString &kid, const QString &alg = QStringLiteral("ES256"));
    // Adds the RSA key pair of a private JWK (n, e, d, p, q, dp, dq, qi), e.g. a test vector's.
    QString addRsaKeyFromJwk(const QString &kid, const QString &alg, const QJsonObject &privateJwk);
    // Publishes the key's JWK with `members` replacing or adding members ("use": "enc"...).
    void publishAs(const QString &kid, const QJsonObject &members);
    // Publishes a JWK that has no private half here (a forged or broken key).
    void publishRaw(const QJsonObject &jwk);
    void removeKey(const QString &kid);
    QJsonObject jwks() const;
    QByteArray jwksText() const;

    // A compact JWS of `claims`, signed with key `kid` (its alg). `withKid` false leaves kid out;
    // `extraHeader` adds header members (crit...).
    QByteArray sign(const QString &kid, const QJsonObject &claims, bool withKid = true, const QJsonObject &extraHeader = {}) const;
    // A compact JWS with any header and signature bytes: for forged tokens.
    static QByteArray compact(const QJsonObject &header, const QJsonObject &claims, const QByteArray &signature);
    // The exponent-1 forgery for an RS256 key with a 2048-bit modulus: with e = 1, s^e mod n = s,
    // so a "signature" equal to the EMSA-PKCS1-v1_5 block of the token's SHA-256 digest (RFC 8017
    // §9.2) verifies under any modulus. No private key involved.
    static QByteArray exponentOneForgery(const QString &kid, const QJsonObject &claims);
    // What a JWS with this header and these claims signs: base64url(header) "." base64url(claims).
    static QByteArray signingInput(const QJsonObject &header, const QJsonObject &claims);

private:
    const Key *find(const QString &kid) const;
    QList<Key> m_keys;
    QList<QJsonObject> m_raw;
};

// The first key of a Project Wycheproof JsonWebKey group (tests/data/jwt/wycheproof), by the
// group's comment; `half` is "public" or "private".
QJsonObject wycheproofKey(const QString &groupComment, const QString &half);

// Claims with iss, sub, iat and exp = now + lifetimeSecs (negative: expired).
QJsonObject standardClaims(const QString &issuer, qint64 lifetimeSecs = 3600);

} // namespace gwtest
