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
    };

    // Adds a fresh key; returns its kid.
    QString addRsaKey(const QString &kid, const QString &alg = QStringLiteral("RS256"));
    QString addEcKey(const QString &kid, const QString &alg = QStringLiteral("ES256"));
    void removeKey(const QString &kid);
    QJsonObject jwks() const;
    QByteArray jwksText() const;

    // A compact JWS of `claims`, signed with key `kid` (its alg). `withKid` false leaves kid out.
    QByteArray sign(const QString &kid, const QJsonObject &claims, bool withKid = true) const;

private:
    const Key *find(const QString &kid) const;
    QList<Key> m_keys;
};

// Claims with iss, sub, iat and exp = now + lifetimeSecs (negative: expired).
QJsonObject standardClaims(const QString &issuer, qint64 lifetimeSecs = 3600);

} // namespace gwtest
