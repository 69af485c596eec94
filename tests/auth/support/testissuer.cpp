#include "testissuer.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/ecdsa.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>

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

QString TestIssuer::addRsaKey(const QString &kid, const QString &alg, int bits)
{
    EVP_PKEY *k = EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", size_t(bits));
    m_keys.append({kid, alg, std::shared_ptr<EVP_PKEY>(k, EVP_PKEY_free), {}});
    return kid;
}

QString TestIssuer::addRsaKeyFromJwk(const QString &kid, const QString &alg, const QJsonObject &jwk)
{
    OSSL_PARAM_BLD *build = OSSL_PARAM_BLD_new();
    QList<BIGNUM *> numbers;
    const std::pair<const char *, const char *> members[] = {
        {"n", OSSL_PKEY_PARAM_RSA_N}, {"e", OSSL_PKEY_PARAM_RSA_E}, {"d", OSSL_PKEY_PARAM_RSA_D},
        {"p", OSSL_PKEY_PARAM_RSA_FACTOR1}, {"q", OSSL_PKEY_PARAM_RSA_FACTOR2}, {"dp", OSSL_PKEY_PARAM_RSA_EXPONENT1},
        {"dq", OSSL_PKEY_PARAM_RSA_EXPONENT2}, {"qi", OSSL_PKEY_PARAM_RSA_COEFFICIENT1}};
    for (const auto &[member, param] : members) {
        const QByteArray bytes = QByteArray::fromBase64(jwk.value(QLatin1String(member)).toString().toLatin1(),
                                                        QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
        BIGNUM *bn = BN_bin2bn(reinterpret_cast<const unsigned char *>(bytes.constData()), int(bytes.size()), nullptr);
        numbers.append(bn);
        OSSL_PARAM_BLD_push_BN(build, param, bn);
    }
    OSSL_PARAM *params = OSSL_PARAM_BLD_to_param(build);
    EVP_PKEY_CTX *ctx = EVP_PKEY_CTX_new_from_name(nullptr, "RSA", nullptr);
    EVP_PKEY *k = nullptr;
    EVP_PKEY_fromdata_init(ctx);
    EVP_PKEY_fromdata(ctx, &k, EVP_PKEY_KEYPAIR, params);
    EVP_PKEY_CTX_free(ctx);
    OSSL_PARAM_free(params);
    OSSL_PARAM_BLD_free(build);
    for (BIGNUM *bn : numbers)
        BN_free(bn);
    if (!k)
        return {};
    m_keys.append({kid, alg, std::shared_ptr<EVP_PKEY>(k, EVP_PKEY_free), {}});
    return kid;
}

void TestIssuer::publishAs(const QString &kid, const QJsonObject &members)
{
    for (Key &k : m_keys)
        if (k.kid == kid)
            k.published = members;
}

void TestIssuer::publishRaw(const QJsonObject &jwk)
{
    m_raw.append(jwk);
}

QString TestIssuer::addEcKey(const QString &kid, const QString &alg)
{
    EVP_PKEY *k = EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", alg == QLatin1String("ES384") ? "P-384" : "P-256");
    m_keys.append({kid, alg, std::shared_ptr<EVP_PKEY>(k, EVP_PKEY_free), {}});
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
        for (auto it = k.published.begin(); it != k.published.end(); ++it)
            j.insert(it.key(), it.value());
        keys.append(j);
    }
    for (const QJsonObject &raw : m_raw)
        keys.append(raw);
    return {{QStringLiteral("keys"), keys}};
}

QByteArray TestIssuer::jwksText() const
{
    return QJsonDocument(jwks()).toJson(QJsonDocument::Compact);
}

QByteArray TestIssuer::sign(const QString &kid, const QJsonObject &claims, bool withKid, const QJsonObject &extraHeader) const
{
    const Key *k = find(kid);
    if (!k)
        return {};
    QJsonObject header{{QStringLiteral("alg"), k->alg}, {QStringLiteral("typ"), QStringLiteral("JWT")}};
    if (withKid)
        header.insert(QStringLiteral("kid"), k->kid);
    for (auto it = extraHeader.begin(); it != extraHeader.end(); ++it)
        header.insert(it.key(), it.value());
    const QByteArray input = signingInput(header, claims);
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

QByteArray TestIssuer::signingInput(const QJsonObject &header, const QJsonObject &claims)
{
    return b64url(QJsonDocument(header).toJson(QJsonDocument::Compact)) + '.' + b64url(QJsonDocument(claims).toJson(QJsonDocument::Compact));
}

QByteArray TestIssuer::compact(const QJsonObject &header, const QJsonObject &claims, const QByteArray &signature)
{
    return signingInput(header, claims) + '.' + b64url(signature);
}

QByteArray TestIssuer::exponentOneForgery(const QString &kid, const QJsonObject &claims)
{
    const QJsonObject header{{QStringLiteral("alg"), QStringLiteral("RS256")}, {QStringLiteral("kid"), kid}, {QStringLiteral("typ"), QStringLiteral("JWT")}};
    const QByteArray input = signingInput(header, claims);
    static const QByteArray sha256Info = QByteArray::fromHex("3031300d060960864801650304020105000420");
    unsigned char digest[32];
    unsigned int len = 0;
    EVP_Digest(input.constData(), size_t(input.size()), digest, &len, EVP_sha256(), nullptr);
    const QByteArray t = sha256Info + QByteArray(reinterpret_cast<const char *>(digest), int(len));
    const QByteArray block = QByteArray::fromHex("0001") + QByteArray(256 - 3 - int(t.size()), '\xff') + QByteArray(1, '\0') + t;
    return compact(header, claims, block);
}

QJsonObject wycheproofKey(const QString &groupComment, const QString &half)
{
    QFile f(QStringLiteral(GW_SOURCE_DIR "/tests/data/jwt/wycheproof/json_web_key_test.json"));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    for (const QJsonValue &g : QJsonDocument::fromJson(f.readAll()).object().value(QStringLiteral("testGroups")).toArray())
        if (g.toObject().value(QStringLiteral("comment")).toString() == groupComment)
            return g.toObject().value(half).toObject().value(QStringLiteral("keys")).toArray().at(0).toObject();
    return {};
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
