#include "jwt.h"

#include "gateway/model/jsonduplicates.h"

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
    // RFC 7515 §4 / RFC 7519 §4: a repeated member is refused, not resolved to its last value.
    if (const QStringList repeated = model::duplicateMembers(*bytes); !repeated.isEmpty()) {
        *error = QStringLiteral("the token's %1 repeats the member '%2'").arg(QLatin1String(what), repeated.first());
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
    // RFC 7515 §4.1.11: extensions marked critical must be understood; this verifier knows none.
    if (m_header.contains(QLatin1String("crit")))
        return fail(QStringLiteral("the token's header marks extensions critical (crit), which are not supported"));
    if (!key.alg().isEmpty() && key.alg() != alg)
        return fail(QStringLiteral("the key is for %1, the token is signed with %2").arg(key.alg(), alg));
    if (alg.startsWith(QLatin1String("HS"))) {
        // Never HMAC with a public key's text (algorithm confusion): only "oct" keys qualify.
        if (key.kty() != QLatin1String("oct"))
            return fail(QStringLiteral("%1 needs a symmetric (oct) key").arg(alg));
        // RFC 7518 §3.2: the key is at least as long as the hash output.
        if (key.secret().size() < EVP_MD_get_size(md))
            return fail(QStringLiteral("an %1 key must be at least %2 bytes").arg(alg).arg(EVP_MD_get_size(md)));
        unsigned char mac[EVP_MAX_MD_SIZE];
        unsigned int macLen = 0;
        if (!HMAC(md, key.secret().constData(), int(key.secret().size()),
                  reinterpret_cast<const unsigned char *>(m_signingInput.constData()), size_t(m_signingInput.size()), mac, &macLen))
            return fail(QStringLiteral("HMAC computation failed"));
        if (qsizetype(macLen) != m_signature.size())
            return fail(QStringLiteral("an %1 signature is %2 bytes, the token's is %3").arg(alg).arg(macLen).arg(m_signature.size()));
        if (CRYPTO_memcmp(mac, m_signature.constData(), macLen) != 0)
            return fail(QStringLiteral("signature verification failed"));
        return true;
    }
    if (alg.startsWith(QLatin1String("RS"))) {
        if (key.kty() != QLatin1String("RSA"))
            return fail(QStringLiteral("%1 needs an RSA key").arg(alg));
        // RFC 8017 §8.2.2: the signature is exactly as long as the modulus.
        if (m_signature.size() != EVP_PKEY_get_size(key.publicKey()))
            return fail(QStringLiteral("an %1 signature with this %2-bit key is %3 bytes, the token's is %4")
                            .arg(alg).arg(EVP_PKEY_get_bits(key.publicKey())).arg(EVP_PKEY_get_size(key.publicKey())).arg(m_signature.size()));
        return verifyAsymmetric(key.publicKey(), md, m_signingInput, m_signature) || fail(QStringLiteral("signature verification failed"));
    }
    if (alg.startsWith(QLatin1String("ES"))) {
        const QString curve = model::curveForAlgorithm(alg);
        if (key.kty() != QLatin1String("EC") || key.curve() != curve)
            return fail(QStringLiteral("%1 needs an EC key on %2").arg(alg, curve));
        const int size = model::coordinateSize(curve);
        if (m_signature.size() != 2 * size)
            return fail(QStringLiteral("an %1 signature is %2 bytes, the token's is %3").arg(alg).arg(2 * size).arg(m_signature.size()));
        const QByteArray der = ecdsaRawToDer(m_signature);
        return (!der.isEmpty() && verifyAsymmetric(key.publicKey(), md, m_signingInput, der))
               || fail(QStringLiteral("signature verification failed"));
    }
    return fail(QStringLiteral("unsupported signing algorithm '%1'").arg(alg));
}

} // namespace gw::auth
