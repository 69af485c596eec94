#include "jwt.h"

#include <QJsonDocument>

#include <openssl/crypto.h>
#include <openssl/ecdsa.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

namespace gw::auth {

namespace {

std::optional<QJsonObject> jsonPart(const QByteArray &part, const char *what, QString *error)
{
    const auto bytes = base64UrlDecode(part);
    if (!bytes) {
        *error = QStringLiteral("the token's %1 is not base64url").arg(QLatin1String(what));
        return std::nullopt;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(*bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        *error = QStringLiteral("the token's %1 is not a JSON object").arg(QLatin1String(what));
        return std::nullopt;
    }
    return doc.object();
}

const EVP_MD *digestFor(const QString &alg)
{
    if (alg.endsWith(QLatin1String("256")))
        return EVP_sha256();
    if (alg.endsWith(QLatin1String("384")))
        return EVP_sha384();
    if (alg.endsWith(QLatin1String("512")))
        return EVP_sha512();
    return nullptr;
}

struct MdCtxDeleter { void operator()(EVP_MD_CTX *c) const { EVP_MD_CTX_free(c); } };
struct SigDeleter { void operator()(ECDSA_SIG *s) const { ECDSA_SIG_free(s); } };

// JWS carries ECDSA signatures as r || s (RFC 7518 §3.4); OpenSSL verifies DER.
QByteArray ecdsaRawToDer(const QByteArray &raw)
{
    const int half = int(raw.size() / 2);
    std::unique_ptr<ECDSA_SIG, SigDeleter> sig(ECDSA_SIG_new());
    BIGNUM *r = BN_bin2bn(reinterpret_cast<const unsigned char *>(raw.constData()), half, nullptr);
    BIGNUM *s = BN_bin2bn(reinterpret_cast<const unsigned char *>(raw.constData()) + half, half, nullptr);
    if (!sig || !r || !s || !ECDSA_SIG_set0(sig.get(), r, s)) {
        BN_free(r);
        BN_free(s);
        return {};
    }
    unsigned char *der = nullptr;
    const int len = i2d_ECDSA_SIG(sig.get(), &der);
    if (len <= 0)
        return {};
    QByteArray out(reinterpret_cast<const char *>(der), len);
    OPENSSL_free(der);
    return out;
}

bool verifyAsymmetric(EVP_PKEY *key, const EVP_MD *md, const QByteArray &input, const QByteArray &signature)
{
    std::unique_ptr<EVP_MD_CTX, MdCtxDeleter> ctx(EVP_MD_CTX_new());
    if (!ctx || EVP_DigestVerifyInit(ctx.get(), nullptr, md, nullptr, key) <= 0)
        return false;
    return EVP_DigestVerify(ctx.get(), reinterpret_cast<const unsigned char *>(signature.constData()), size_t(signature.size()),
                            reinterpret_cast<const unsigned char *>(input.constData()), size_t(input.size())) == 1;
}

} // namespace

std::optional<Jwt> Jwt::parse(const QByteArray &compact, QString *error)
{
    return parse(compact, error, true);
}

std::optional<Jwt> Jwt::parseJws(const QByteArray &compact, QString *error)
{
    return parse(compact, error, false);
}

std::optional<Jwt> Jwt::parse(const QByteArray &compact, QString *error, bool requireClaims)
{
    const QList<QByteArray> parts = compact.split('.');
    if (parts.size() != 3) {
        *error = QStringLiteral("the token is not a compact JWS (three dot-separated parts)");
        return std::nullopt;
    }
    Jwt jwt;
    auto header = jsonPart(parts[0], "header", error);
    if (!header)
        return std::nullopt;
    QString claimsError;
    auto claims = jsonPart(parts[1], "payload", &claimsError);
    if (!claims && requireClaims) {
        *error = claimsError;
        return std::nullopt;
    }
    const auto payload = base64UrlDecode(parts[1]);
    if (!payload) {
        *error = QStringLiteral("the token's payload is not base64url");
        return std::nullopt;
    }
    jwt.m_payload = *payload;
    auto signature = base64UrlDecode(parts[2]);
    if (!signature) {
        *error = QStringLiteral("the token's signature is not base64url");
        return std::nullopt;
    }
    jwt.m_header = *header;
    if (claims)
        jwt.m_claims = *claims;
    jwt.m_signature = *signature;
    jwt.m_signingInput = parts[0] + '.' + parts[1];
    return jwt;
}

bool Jwt::verify(const Jwk &key, QString *error) const
{
    const QString alg = algorithm();
    const EVP_MD *md = digestFor(alg);
    const auto fail = [error](const QString &why) {
        *error = why;
        return false;
    };
    if (!md || alg.size() != 5)
        return fail(QStringLiteral("unsupported signing algorithm '%1'").arg(alg));
    if (!key.alg().isEmpty() && key.alg() != alg)
        return fail(QStringLiteral("the key is for %1, the token is signed with %2").arg(key.alg(), alg));
    if (alg.startsWith(QLatin1String("HS"))) {
        // Never HMAC with a public key's text (algorithm confusion): only "oct" keys qualify.
        if (key.kty() != QLatin1String("oct"))
            return fail(QStringLiteral("%1 needs a symmetric (oct) key").arg(alg));
        unsigned char mac[EVP_MAX_MD_SIZE];
        unsigned int macLen = 0;
        if (!HMAC(md, key.secret().constData(), int(key.secret().size()),
                  reinterpret_cast<const unsigned char *>(m_signingInput.constData()), size_t(m_signingInput.size()), mac, &macLen))
            return fail(QStringLiteral("HMAC computation failed"));
        if (qsizetype(macLen) != m_signature.size() || CRYPTO_memcmp(mac, m_signature.constData(), macLen) != 0)
            return fail(QStringLiteral("signature verification failed"));
        return true;
    }
    if (alg.startsWith(QLatin1String("RS"))) {
        if (key.kty() != QLatin1String("RSA"))
            return fail(QStringLiteral("%1 needs an RSA key").arg(alg));
        return verifyAsymmetric(key.publicKey(), md, m_signingInput, m_signature) || fail(QStringLiteral("signature verification failed"));
    }
    if (alg.startsWith(QLatin1String("ES"))) {
        const QString curve = alg == QLatin1String("ES256") ? QStringLiteral("P-256")
                              : alg == QLatin1String("ES384") ? QStringLiteral("P-384") : QStringLiteral("P-521");
        if (key.kty() != QLatin1String("EC") || key.curve() != curve)
            return fail(QStringLiteral("%1 needs an EC key on %2").arg(alg, curve));
        const int size = curve == QLatin1String("P-256") ? 32 : curve == QLatin1String("P-384") ? 48 : 66;
        if (m_signature.size() != 2 * size)
            return fail(QStringLiteral("an %1 signature is %2 bytes").arg(alg).arg(2 * size));
        const QByteArray der = ecdsaRawToDer(m_signature);
        return (!der.isEmpty() && verifyAsymmetric(key.publicKey(), md, m_signingInput, der))
               || fail(QStringLiteral("signature verification failed"));
    }
    return fail(QStringLiteral("unsupported signing algorithm '%1'").arg(alg));
}

} // namespace gw::auth
