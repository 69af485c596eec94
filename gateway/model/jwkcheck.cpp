#include "jwkcheck.h"

#include <algorithm>

#include <QHash>
#include <QSet>

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>

namespace gw::model {

std::optional<QByteArray> base64UrlDecode(const QByteArray &text)
{
    const auto decoded = QByteArray::fromBase64Encoding(
        text, QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals | QByteArray::AbortOnBase64DecodingErrors);
    // Qt's decoder tolerates padding, '+' and '/' and ignores stray low bits: only the one
    // canonical spelling of the bytes is base64url here, so a key or token has one form.
    if (!decoded || base64UrlEncode(decoded.decoded) != text)
        return std::nullopt;
    return decoded.decoded;
}

QByteArray base64UrlEncode(const QByteArray &data)
{
    return data.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

bool isJwsAlgorithm(const QString &alg)
{
    static const QSet<QString> algorithms
        = {QStringLiteral("HS256"), QStringLiteral("HS384"), QStringLiteral("HS512"), QStringLiteral("RS256"),
            QStringLiteral("RS384"), QStringLiteral("RS512"), QStringLiteral("PS256"), QStringLiteral("PS384"),
            QStringLiteral("PS512"), QStringLiteral("ES256"), QStringLiteral("ES384"), QStringLiteral("ES512")};
    return algorithms.contains(alg);
}

QString curveForAlgorithm(const QString &alg)
{
    if (alg == QLatin1String("ES256"))
        return QStringLiteral("P-256");
    if (alg == QLatin1String("ES384"))
        return QStringLiteral("P-384");
    if (alg == QLatin1String("ES512"))
        return QStringLiteral("P-521");
    return {};
}

int coordinateSize(const QString &crv)
{
    return crv == QLatin1String("P-256") ? 32
        : crv == QLatin1String("P-384")  ? 48
        : crv == QLatin1String("P-521")  ? 66
                                         : 0;
}

namespace {

struct ParamBuildDeleter {
    void operator()(OSSL_PARAM_BLD *b) const { OSSL_PARAM_BLD_free(b); }
};
struct ParamDeleter {
    void operator()(OSSL_PARAM *p) const { OSSL_PARAM_free(p); }
};
struct CtxDeleter {
    void operator()(EVP_PKEY_CTX *c) const { EVP_PKEY_CTX_free(c); }
};
struct BnDeleter {
    void operator()(BIGNUM *b) const { BN_free(b); }
};
using Bn = std::unique_ptr<BIGNUM, BnDeleter>;

// Below this an RSA key is refused (NIST SP 800-131A; Wycheproof rejects 1024-bit JWKs).
constexpr int kMinRsaBits = 2048;
// OpenSSL's own ceiling (OPENSSL_RSA_MAX_MODULUS_BITS): larger keys only cost verification time.
constexpr int kMaxRsaBits = 16384;

Bn toBn(const QByteArray &bytes)
{
    return Bn(BN_bin2bn(reinterpret_cast<const unsigned char *>(bytes.constData()), int(bytes.size()), nullptr));
}

// A base64url member; `problem` set when it is missing, not a string or not base64url.
std::optional<QByteArray> bytesMember(const QJsonObject &json, const char *name, QString *problem)
{
    const QJsonValue v = json.value(QLatin1String(name));
    if (v.isUndefined()) {
        *problem = QStringLiteral("the member '%1' is missing").arg(QLatin1String(name));
        return std::nullopt;
    }
    if (!v.isString()) {
        *problem = QStringLiteral("the member '%1' is not a string").arg(QLatin1String(name));
        return std::nullopt;
    }
    auto bytes = base64UrlDecode(v.toString().toLatin1());
    if (!bytes) {
        *problem = QStringLiteral("the member '%1' is not base64url").arg(QLatin1String(name));
        return std::nullopt;
    }
    if (bytes->isEmpty()) {
        *problem = QStringLiteral("the member '%1' is empty").arg(QLatin1String(name));
        return std::nullopt;
    }
    return bytes;
}

// A Base64urlUInt member (RFC 7518 §2): the minimal big-endian octets, so no leading zero.
std::optional<QByteArray> uintMember(const QJsonObject &json, const char *name, QString *problem)
{
    auto bytes = bytesMember(json, name, problem);
    if (bytes && bytes->size() > 1 && bytes->at(0) == '\0') {
        *problem = QStringLiteral("the member '%1' has a leading zero octet (RFC 7518 §2 wants the shortest form)")
                       .arg(QLatin1String(name));
        return std::nullopt;
    }
    return bytes;
}

QString presentMembers(const QJsonObject &json, std::initializer_list<const char *> names)
{
    QStringList found;
    for (const char *n : names)
        if (json.contains(QLatin1String(n)))
            found.append(QLatin1String(n));
    return found.join(QStringLiteral(", "));
}

std::shared_ptr<EVP_PKEY> keyFromParams(const char *type, OSSL_PARAM_BLD *build)
{
    std::unique_ptr<OSSL_PARAM, ParamDeleter> params(OSSL_PARAM_BLD_to_param(build));
    std::unique_ptr<EVP_PKEY_CTX, CtxDeleter> ctx(EVP_PKEY_CTX_new_from_name(nullptr, type, nullptr));
    EVP_PKEY *key = nullptr;
    if (!params || !ctx || EVP_PKEY_fromdata_init(ctx.get()) <= 0
        || EVP_PKEY_fromdata(ctx.get(), &key, EVP_PKEY_PUBLIC_KEY, params.get()) <= 0 || !key)
        return nullptr;
    return std::shared_ptr<EVP_PKEY>(key, EVP_PKEY_free);
}

bool passesPublicCheck(EVP_PKEY *key)
{
    std::unique_ptr<EVP_PKEY_CTX, CtxDeleter> ctx(EVP_PKEY_CTX_new_from_pkey(nullptr, key, nullptr));
    return ctx && EVP_PKEY_public_check(ctx.get()) == 1;
}

// The ROCA fingerprint (CVE-2017-15361, Nemec et al. 2017): moduli from Infineon's weak prime
// generator are, modulo each of these small primes, a power of 65537. A random modulus passes
// all 38 tests with negligible probability. Only BN_mod_word touches the big number.
bool hasRocaFingerprint(const BIGNUM *n)
{
    static const int primes[] = {3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71, 73, 79, 83,
        89, 97, 101, 103, 107, 109, 113, 127, 131, 137, 139, 149, 151, 157, 163, 167};
    for (const int p : primes) {
        const BN_ULONG r = BN_mod_word(n, static_cast<BN_ULONG>(p));
        if (r == static_cast<BN_ULONG>(-1))
            return false;
        bool inSubgroup = false;
        unsigned long power = 1;
        for (int k = 0; k < p && !inSubgroup; ++k) {
            inSubgroup = power == r;
            power = power * (65537 % p) % p;
        }
        if (!inSubgroup)
            return false;
    }
    return true;
}

QString checkRsa(const QJsonObject &json, JwkCheck &out)
{
    const auto n = uintMember(json, "n", &out.problem);
    const auto e = n ? uintMember(json, "e", &out.problem) : std::nullopt;
    if (!n || !e)
        return out.problem;
    const Bn bn = toBn(*n), be = toBn(*e);
    if (!bn || !be) {
        return QStringLiteral("out of memory reading the RSA key");
    }
    // e = 1 makes any "signature" equal to the padded digest verify; an even e has no inverse.
    if (BN_cmp(be.get(), BN_value_one()) <= 0 || BN_is_word(be.get(), 2))
        return QStringLiteral("the RSA public exponent %1 is below 3").arg(BN_get_word(be.get()));
    if (!BN_is_odd(be.get()))
        return QStringLiteral("the RSA public exponent is even");
    const int bits = BN_num_bits(bn.get());
    if (bits < kMinRsaBits)
        return QStringLiteral("the RSA modulus is %1 bits; at least %2 are required").arg(bits).arg(kMinRsaBits);
    if (bits > kMaxRsaBits)
        return QStringLiteral("the RSA modulus is %1 bits; at most %2 are supported").arg(bits).arg(kMaxRsaBits);
    if (BN_cmp(be.get(), bn.get()) >= 0)
        return QStringLiteral("the RSA public exponent is not smaller than the modulus");
    if (!BN_is_odd(bn.get()))
        return QStringLiteral("the RSA modulus is even");
    if (hasRocaFingerprint(bn.get()))
        return QStringLiteral(
            "the RSA modulus has the ROCA fingerprint (CVE-2017-15361): its private key can be computed");
    std::unique_ptr<OSSL_PARAM_BLD, ParamBuildDeleter> build(OSSL_PARAM_BLD_new());
    if (!build || !OSSL_PARAM_BLD_push_BN(build.get(), OSSL_PKEY_PARAM_RSA_N, bn.get())
        || !OSSL_PARAM_BLD_push_BN(build.get(), OSSL_PKEY_PARAM_RSA_E, be.get()))
        return QStringLiteral("out of memory building the RSA key");
    out.publicKey = keyFromParams("RSA", build.get());
    if (!out.publicKey)
        return QStringLiteral("OpenSSL does not accept n and e as an RSA public key");
    // SP 800-56B's public-key check: n odd, without small factors, not a prime power.
    if (!passesPublicCheck(out.publicKey.get())) {
        out.publicKey.reset();
        return QStringLiteral(
            "the RSA key fails OpenSSL's public key check (the modulus has a small factor or is a prime power)");
    }
    if (const QString priv = presentMembers(json, {"d", "p", "q", "dp", "dq", "qi", "oth"}); !priv.isEmpty())
        out.warning = QStringLiteral(
            "the key carries private members (%1): they are ignored, and a published key set must not hold them")
                          .arg(priv);
    return {};
}

QString checkEc(const QJsonObject &json, const QString &alg, JwkCheck &out)
{
    const QJsonValue crvValue = json.value(QLatin1String("crv"));
    if (!crvValue.isString())
        return QStringLiteral("the member 'crv' is missing or not a string");
    const QString crv = crvValue.toString();
    const char *group = crv == QLatin1String("P-256") ? "prime256v1"
        : crv == QLatin1String("P-384")               ? "secp384r1"
        : crv == QLatin1String("P-521")               ? "secp521r1"
                                                      : nullptr;
    if (!group)
        return QStringLiteral("unsupported EC curve '%1' (expected P-256, P-384 or P-521)").arg(crv);
    if (!alg.isEmpty() && curveForAlgorithm(alg) != crv)
        return QStringLiteral("the key is for %1 but on curve %2 (%1 needs %3)").arg(alg, crv, curveForAlgorithm(alg));
    const auto x = bytesMember(json, "x", &out.problem);
    const auto y = x ? bytesMember(json, "y", &out.problem) : std::nullopt;
    if (!x || !y)
        return out.problem;
    const int size = coordinateSize(crv);
    // RFC 7518 §6.2.1.2: each coordinate is exactly the curve's size, leading zeros included.
    if (x->size() != size || y->size() != size)
        return QStringLiteral("EC coordinates on %1 are %2 bytes; 'x' has %3 and 'y' %4")
            .arg(crv)
            .arg(size)
            .arg(x->size())
            .arg(y->size());
    // The uncompressed point: 0x04 || x || y (SEC 1 §2.3.3).
    const QByteArray point = QByteArray(1, '\x04') + *x + *y;
    std::unique_ptr<OSSL_PARAM_BLD, ParamBuildDeleter> build(OSSL_PARAM_BLD_new());
    if (!build || !OSSL_PARAM_BLD_push_utf8_string(build.get(), OSSL_PKEY_PARAM_GROUP_NAME, group, 0)
        || !OSSL_PARAM_BLD_push_octet_string(
            build.get(), OSSL_PKEY_PARAM_PUB_KEY, point.constData(), size_t(point.size())))
        return QStringLiteral("out of memory building the EC key");
    out.publicKey = keyFromParams("EC", build.get());
    // OpenSSL refuses coordinates off the curve or not below p when it decodes the point, and the
    // public check adds the point at infinity and the group order.
    if (!out.publicKey || !passesPublicCheck(out.publicKey.get())) {
        out.publicKey.reset();
        return QStringLiteral("the point (x, y) is not a valid public key on curve %1").arg(crv);
    }
    if (json.contains(QLatin1String("d")))
        out.warning = QStringLiteral(
            "the key carries the private member 'd': it is ignored, and a published key set must not hold it");
    return {};
}

QString checkOct(const QJsonObject &json, const QString &alg, JwkCheck &out)
{
    const auto k = bytesMember(json, "k", &out.problem);
    if (!k)
        return out.problem;
    // RFC 7518 §3.2: an HMAC key at least as long as the hash output.
    const int minimum = alg == QLatin1String("HS512") ? 64 : alg == QLatin1String("HS384") ? 48 : 32;
    if (k->size() < minimum)
        return QStringLiteral("the secret is %1 bytes; %2 needs at least %3")
            .arg(k->size())
            .arg(alg.isEmpty() ? QStringLiteral("HMAC") : alg)
            .arg(minimum);
    out.secret = *k;
    return {};
}

// The generic members of RFC 7517 §4: types and the usage restrictions that rule out signatures.
QString checkCommonMembers(const QJsonObject &json)
{
    for (const char *name : {"kid", "alg", "use", "x5u", "x5t", "x5t#S256"}) {
        const QJsonValue v = json.value(QLatin1String(name));
        if (!v.isUndefined() && !v.isString())
            return QStringLiteral("the member '%1' is not a string").arg(QLatin1String(name));
    }
    const QJsonValue use = json.value(QLatin1String("use"));
    if (use.isString() && use.toString() != QLatin1String("sig"))
        return QStringLiteral("the key's use is '%1', not 'sig': it must not verify signatures").arg(use.toString());
    const QJsonValue ops = json.value(QLatin1String("key_ops"));
    if (!ops.isUndefined()) {
        if (!ops.isArray())
            return QStringLiteral("the member 'key_ops' is not an array");
        QSet<QString> seen;
        for (const QJsonValue &op : ops.toArray()) {
            if (!op.isString())
                return QStringLiteral("'key_ops' holds something other than strings");
            if (seen.contains(op.toString()))
                return QStringLiteral("'key_ops' lists '%1' twice (RFC 7517 §4.3)").arg(op.toString());
            seen.insert(op.toString());
        }
        if (!seen.contains(QStringLiteral("verify")))
            return QStringLiteral("the key's key_ops do not include 'verify'");
    }
    const QJsonValue x5c = json.value(QLatin1String("x5c"));
    if (!x5c.isUndefined() && !x5c.isArray())
        return QStringLiteral("the member 'x5c' is not an array");
    const QString kty = json.value(QLatin1String("kty")).toString();
    const QString alg = json.value(QLatin1String("alg")).toString();
    if (json.contains(QLatin1String("alg"))) {
        if (!isJwsAlgorithm(alg))
            return QStringLiteral("'%1' is not a JWS signature algorithm").arg(alg);
        const QString family = alg.left(2);
        const bool fits = kty == QLatin1String("RSA") ? family == QLatin1String("RS") || family == QLatin1String("PS")
            : kty == QLatin1String("EC")              ? family == QLatin1String("ES")
                                                      : family == QLatin1String("HS");
        if (!fits)
            return QStringLiteral("the key is of type %1 but declared for %2").arg(kty, alg);
    }
    return {};
}

} // namespace

JwkCheck checkJwk(const QJsonObject &json)
{
    JwkCheck out;
    out.kid = json.value(QLatin1String("kid")).toString();
    const QJsonValue kty = json.value(QLatin1String("kty"));
    if (!kty.isString()) {
        out.problem = QStringLiteral("the member 'kty' is missing or not a string");
        return out;
    }
    if (kty != QLatin1String("RSA") && kty != QLatin1String("EC") && kty != QLatin1String("oct")) {
        out.problem = QStringLiteral("unsupported key type '%1' (expected RSA, EC or oct)").arg(kty.toString());
        return out;
    }
    const QJsonValue use = json.value(QLatin1String("use"));
    const QJsonValue ops = json.value(QLatin1String("key_ops"));
    out.forSignatures = !(use.isString() && use.toString() != QLatin1String("sig"))
        && !(ops.isArray() && !ops.toArray().contains(QJsonValue(QStringLiteral("verify"))));
    out.problem = checkCommonMembers(json);
    if (!out.problem.isEmpty())
        return out;
    const QString alg = json.value(QLatin1String("alg")).toString();
    if (kty == QLatin1String("RSA"))
        out.problem = checkRsa(json, out);
    else if (kty == QLatin1String("EC"))
        out.problem = checkEc(json, alg, out);
    else
        out.problem = checkOct(json, alg, out);
    return out;
}

QList<JwkCheck> checkJwkSet(const QJsonArray &keys, const QStringList &duplicatePaths)
{
    QList<JwkCheck> out;
    bool anyPublic = false;
    for (qsizetype i = 0; i < keys.size(); ++i) {
        if (!keys[i].isObject()) {
            JwkCheck c;
            c.problem = QStringLiteral("the key is not a JSON object");
            out.append(c);
            continue;
        }
        JwkCheck c = checkJwk(keys[i].toObject());
        // A repeated member comes first: which of its values the parser kept decided the rest.
        const QString prefix = QStringLiteral("keys[%1].").arg(i);
        const auto repeated = std::find_if(duplicatePaths.cbegin(), duplicatePaths.cend(),
            [&prefix](const QString &d) { return d.startsWith(prefix); });
        if (repeated != duplicatePaths.cend())
            c = JwkCheck {c.kid, QStringLiteral("the member '%1' appears twice").arg(repeated->mid(prefix.size())), {},
                {}, {}, c.forSignatures};
        anyPublic = anyPublic || (c.usable() && c.publicKey);
        out.append(c);
    }
    QHash<QString, qsizetype> firstWithKid;
    for (qsizetype i = 0; i < out.size(); ++i) {
        JwkCheck &c = out[i];
        if (c.usable() && !c.secret.isEmpty() && anyPublic) {
            c.problem = QStringLiteral(
                "a secret (oct) key in a set of public keys: a published key set must not hold secrets");
            c.secret.clear();
        }
        // Every key meant for signatures counts, broken ones too (the issuer meant it); an
        // encryption key may share a signing key's kid.
        if (c.kid.isEmpty() || !c.forSignatures)
            continue;
        const auto first = firstWithKid.constFind(c.kid);
        if (first == firstWithKid.cend()) {
            firstWithKid.insert(c.kid, i);
            continue;
        }
        const QString why
            = QStringLiteral("the kid '%1' is used by keys[%2] and keys[%3]: a token naming it is ambiguous")
                  .arg(c.kid)
                  .arg(*first)
                  .arg(i);
        for (JwkCheck *k : {&out[*first], &c}) {
            if (!k->usable())
                continue;
            k->problem = why;
            k->publicKey.reset();
            k->secret.clear();
        }
    }
    return out;
}

Diagnostics checkJwks(const QJsonObject &jwks, const QString &path)
{
    Diagnostics out;
    const QJsonValue keys = jwks.value(QLatin1String("keys"));
    if (!keys.isArray()) {
        out.append({Diagnostic::Severity::Error, path, QStringLiteral("a JWKS is an object with a \"keys\" array")});
        return out;
    }
    const QList<JwkCheck> checks = checkJwkSet(keys.toArray());
    for (qsizetype i = 0; i < checks.size(); ++i) {
        const QString kpath = path + QStringLiteral(".keys[%1]").arg(i);
        if (!checks[i].usable())
            out.append({Diagnostic::Severity::Error, kpath, QStringLiteral("key refused: %1").arg(checks[i].problem)});
        else if (!checks[i].warning.isEmpty())
            out.append({Diagnostic::Severity::Warning, kpath, checks[i].warning});
    }
    return out;
}

} // namespace gw::model
