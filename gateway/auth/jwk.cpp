#include "jwk.h"

#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>

namespace gw::auth {

std::optional<QByteArray> base64UrlDecode(const QByteArray &text)
{
    if (text.contains('=') || text.contains('+') || text.contains('/'))
        return std::nullopt;
    const auto decoded = QByteArray::fromBase64Encoding(
        text, QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    return decoded.decoded;
}

QByteArray base64UrlEncode(const QByteArray &data)
{
    return data.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

namespace {

struct ParamBuildDeleter { void operator()(OSSL_PARAM_BLD *b) const { OSSL_PARAM_BLD_free(b); } };
struct ParamDeleter { void operator()(OSSL_PARAM *p) const { OSSL_PARAM_free(p); } };
struct CtxDeleter { void operator()(EVP_PKEY_CTX *c) const { EVP_PKEY_CTX_free(c); } };
struct BnDeleter { void operator()(BIGNUM *b) const { BN_free(b); } };

std::optional<QByteArray> member(const QJsonObject &json, const char *name, QString *error)
{
    const QJsonValue v = json.value(QLatin1String(name));
    if (!v.isString()) {
        *error = QStringLiteral("JWK member '%1' is missing or not a string").arg(QLatin1String(name));
        return std::nullopt;
    }
    auto bytes = base64UrlDecode(v.toString().toLatin1());
    if (!bytes || bytes->isEmpty()) {
        *error = QStringLiteral("JWK member '%1' is not base64url").arg(QLatin1String(name));
        return std::nullopt;
    }
    return bytes;
}

// Builds a public key from OSSL_PARAMs (OpenSSL 3's provider API: no deprecated RSA_/EC_KEY calls).
std::shared_ptr<EVP_PKEY> keyFromParams(const char *type, OSSL_PARAM_BLD *build, QString *error)
{
    std::unique_ptr<OSSL_PARAM, ParamDeleter> params(OSSL_PARAM_BLD_to_param(build));
    std::unique_ptr<EVP_PKEY_CTX, CtxDeleter> ctx(EVP_PKEY_CTX_new_from_name(nullptr, type, nullptr));
    EVP_PKEY *key = nullptr;
    if (!params || !ctx || EVP_PKEY_fromdata_init(ctx.get()) <= 0
        || EVP_PKEY_fromdata(ctx.get(), &key, EVP_PKEY_PUBLIC_KEY, params.get()) <= 0 || !key) {
        *error = QStringLiteral("the %1 key parameters do not form a valid public key").arg(QLatin1String(type));
        return nullptr;
    }
    return std::shared_ptr<EVP_PKEY>(key, EVP_PKEY_free);
}

std::shared_ptr<EVP_PKEY> rsaKey(const QJsonObject &json, QString *error)
{
    const auto n = member(json, "n", error);
    const auto e = n ? member(json, "e", error) : std::nullopt;
    if (!n || !e)
        return nullptr;
    std::unique_ptr<BIGNUM, BnDeleter> bn(BN_bin2bn(reinterpret_cast<const unsigned char *>(n->constData()), int(n->size()), nullptr));
    std::unique_ptr<BIGNUM, BnDeleter> be(BN_bin2bn(reinterpret_cast<const unsigned char *>(e->constData()), int(e->size()), nullptr));
    std::unique_ptr<OSSL_PARAM_BLD, ParamBuildDeleter> build(OSSL_PARAM_BLD_new());
    if (!bn || !be || !build || !OSSL_PARAM_BLD_push_BN(build.get(), OSSL_PKEY_PARAM_RSA_N, bn.get())
        || !OSSL_PARAM_BLD_push_BN(build.get(), OSSL_PKEY_PARAM_RSA_E, be.get())) {
        *error = QStringLiteral("out of memory building an RSA key");
        return nullptr;
    }
    return keyFromParams("RSA", build.get(), error);
}

std::shared_ptr<EVP_PKEY> ecKey(const QJsonObject &json, const QString &crv, QString *error)
{
    const char *group = crv == QLatin1String("P-256") ? "prime256v1"
                        : crv == QLatin1String("P-384") ? "secp384r1"
                        : crv == QLatin1String("P-521") ? "secp521r1" : nullptr;
    const int size = crv == QLatin1String("P-256") ? 32 : crv == QLatin1String("P-384") ? 48 : 66;
    if (!group) {
        *error = QStringLiteral("unsupported EC curve '%1' (expected P-256, P-384 or P-521)").arg(crv);
        return nullptr;
    }
    const auto x = member(json, "x", error);
    const auto y = x ? member(json, "y", error) : std::nullopt;
    if (!x || !y)
        return nullptr;
    if (x->size() != size || y->size() != size) {
        *error = QStringLiteral("EC coordinates of curve %1 must be %2 bytes long").arg(crv).arg(size);
        return nullptr;
    }
    // The uncompressed point: 0x04 || x || y (SEC 1 §2.3.3).
    QByteArray point = QByteArray(1, '\x04') + *x + *y;
    std::unique_ptr<OSSL_PARAM_BLD, ParamBuildDeleter> build(OSSL_PARAM_BLD_new());
    if (!build || !OSSL_PARAM_BLD_push_utf8_string(build.get(), OSSL_PKEY_PARAM_GROUP_NAME, group, 0)
        || !OSSL_PARAM_BLD_push_octet_string(build.get(), OSSL_PKEY_PARAM_PUB_KEY, point.constData(), size_t(point.size()))) {
        *error = QStringLiteral("out of memory building an EC key");
        return nullptr;
    }
    return keyFromParams("EC", build.get(), error);
}

} // namespace

std::optional<Jwk> Jwk::fromJson(const QJsonObject &json, QString *error)
{
    QString ignored;
    if (!error)
        error = &ignored;
    Jwk k;
    k.m_kty = json.value(QLatin1String("kty")).toString();
    k.m_kid = json.value(QLatin1String("kid")).toString();
    k.m_alg = json.value(QLatin1String("alg")).toString();
    k.m_crv = json.value(QLatin1String("crv")).toString();
    if (k.m_kty == QLatin1String("RSA")) {
        k.m_key = rsaKey(json, error);
    } else if (k.m_kty == QLatin1String("EC")) {
        k.m_key = ecKey(json, k.m_crv, error);
    } else if (k.m_kty == QLatin1String("oct")) {
        const auto secret = member(json, "k", error);
        if (!secret)
            return std::nullopt;
        k.m_secret = *secret;
        return k;
    } else {
        *error = QStringLiteral("unsupported JWK key type '%1' (expected RSA, EC or oct)").arg(k.m_kty);
        return std::nullopt;
    }
    if (!k.m_key)
        return std::nullopt;
    return k;
}

} // namespace gw::auth
