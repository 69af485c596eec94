#include "testissuer.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/ecdsa.h>
#include <openssl/evp.h>

namespace gwtest {

namespace {

QByteArray b64url(const QByteArray &data)
{
    return data.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QByteArray bnBytes(EVP_PKEY *key, const char *name, int padTo = 0)
{
    BIGNUM *bn = nullptr;
    if (!EVP_PKEY_get_bn_param(key, name, &bn))
        return {};
    const int size = qMax(BN_num_bytes(bn), padTo);
    QByteArray out(size, '\0');
    BN_bn2binpad(bn, reinterpret_cast<unsigned char *>(out.data()), size);
    BN_free(bn);
    return out;
}

const EVP_MD *digest(const QString &alg)
{
    return alg.endsWith(QLatin1String("384")) ? EVP_sha384() : alg.endsWith(QLatin1String("512")) ? EVP_sha512() : EVP_sha256();
}

} // namespace

QString TestIssuer::addRsaKey(const QString &kid, const QString &alg)
{
    EVP_PKEY *k = EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", size_t(2048));
    m_keys.append({kid, alg, std::shared_ptr<EVP_PKEY>(k, EVP_PKEY_free)});
    return kid;
}

QString TestIssuer::addEcKey(const QString &kid, const QString &alg)
{
    EVP_PKEY *k = EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", alg == QLatin1String("ES384") ? "P-384" : "P-256");
    m_keys.append({kid, alg, std::shared_ptr<EVP_PKEY>(k, EVP_PKEY_free)});
    return kid;
}

void TestIssuer::removeKey(const QString &kid)
{
    m_keys.removeIf([&](const Key &k) { return k.kid == kid; });
}

const TestIssuer::Key *TestIssuer::find(const QString &kid) const
{
    for (const Key &k : m_keys)
        if (k.kid == kid)
            return &k;
    return nullptr;
}

QJsonObject TestIssuer::jwks() const
{
    QJsonArray keys;
    for (const Key &k : m_keys) {
        QJsonObject j{{QStringLiteral("kid"), k.kid}, {QStringLiteral("alg"), k.alg}, {QStringLiteral("use"), QStringLiteral("sig")}};
        if (k.alg.startsWith(QLatin1String("RS"))) {
            j.insert(QStringLiteral("kty"), QStringLiteral("RSA"));
            j.insert(QStringLiteral("n"), QString::fromLatin1(b64url(bnBytes(k.key.get(), OSSL_PKEY_PARAM_RSA_N))));
            j.insert(QStringLiteral("e"), QString::fromLatin1(b64url(bnBytes(k.key.get(), OSSL_PKEY_PARAM_RSA_E))));
        } else {
            const int size = k.alg == QLatin1String("ES384") ? 48 : 32;
            j.insert(QStringLiteral("kty"), QStringLiteral("EC"));
            j.insert(QStringLiteral("crv"), size == 48 ? QStringLiteral("P-384") : QStringLiteral("P-256"));
            j.insert(QStringLiteral("x"), QString::fromLatin1(b64url(bnBytes(k.key.get(), OSSL_PKEY_PARAM_EC_PUB_X, size))));
            j.insert(QStringLiteral("y"), QString::fromLatin1(b64url(bnBytes(k.key.get(), OSSL_PKEY_PARAM_EC_PUB_Y, size))));
        }
        keys.append(j);
    }
    return {{QStringLiteral("keys"), keys}};
}

QByteArray TestIssuer::jwksText() const
{
    return QJsonDocument(jwks()).toJson(QJsonDocument::Compact);
}

QByteArray TestIssuer::sign(const QString &kid, const QJsonObject &claims, bool withKid) const
{
    const Key *k = find(kid);
    if (!k)
        return {};
    QJsonObject header{{QStringLiteral("alg"), k->alg}, {QStringLiteral("typ"), QStringLiteral("JWT")}};
    if (withKid)
        header.insert(QStringLiteral("kid"), k->kid);
    const QByteArray input = b64url(QJsonDocument(header).toJson(QJsonDocument::Compact)) + '.'
                             + b64url(QJsonDocument(claims).toJson(QJsonDocument::Compact));
    EVP_MD_CTX *ctx = EVP_MD_CTX_new();
    size_t len = 0;
    EVP_DigestSignInit(ctx, nullptr, digest(k->alg), nullptr, k->key.get());
    EVP_DigestSign(ctx, nullptr, &len, reinterpret_cast<const unsigned char *>(input.constData()), size_t(input.size()));
    QByteArray sig(qsizetype(len), '\0');
    EVP_DigestSign(ctx, reinterpret_cast<unsigned char *>(sig.data()), &len, reinterpret_cast<const unsigned char *>(input.constData()),
                   size_t(input.size()));
    EVP_MD_CTX_free(ctx);
    sig.truncate(qsizetype(len));
    if (k->alg.startsWith(QLatin1String("ES"))) {
        // DER → r || s, each padded to the curve size (RFC 7518 §3.4).
        const int size = k->alg == QLatin1String("ES384") ? 48 : 32;
        const unsigned char *p = reinterpret_cast<const unsigned char *>(sig.constData());
        ECDSA_SIG *es = d2i_ECDSA_SIG(nullptr, &p, long(sig.size()));
        QByteArray raw(2 * size, '\0');
        BN_bn2binpad(ECDSA_SIG_get0_r(es), reinterpret_cast<unsigned char *>(raw.data()), size);
        BN_bn2binpad(ECDSA_SIG_get0_s(es), reinterpret_cast<unsigned char *>(raw.data()) + size, size);
        ECDSA_SIG_free(es);
        sig = raw;
    }
    return input + '.' + b64url(sig);
}

QJsonObject standardClaims(const QString &issuer, qint64 lifetimeSecs)
{
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    return {{QStringLiteral("iss"), issuer},
            {QStringLiteral("sub"), QStringLiteral("user-123")},
            {QStringLiteral("iat"), double(now - 10)},
            {QStringLiteral("exp"), double(now + lifetimeSecs)}};
}

} // namespace gwtest
