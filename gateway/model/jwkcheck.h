#pragma once

#include "diagnostic.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>

#include <memory>
#include <optional>

typedef struct evp_pkey_st EVP_PKEY;

namespace gw::model {

// base64url without padding (RFC 7515 §2), canonical only: null when `text` is not the exact
// encoding of the bytes it decodes to (padding, '+', '/', whitespace, stray low bits).
std::optional<QByteArray> base64UrlDecode(const QByteArray &text);
QByteArray base64UrlEncode(const QByteArray &data);

// One JSON Web Key (RFC 7517) judged as a key that verifies JWS signatures: the rules of RFC
// 7517/7518 and of Wycheproof's JWK tests (see docs/authorizers.md, "Key checks"). OpenSSL 3
// builds and checks the key (EVP_PKEY_fromdata, EVP_PKEY_public_check). Pure and thread-safe.
struct JwkCheck {
    QString kid;
    QString problem; // why the key is refused; empty when it may verify
    QString warning; // usable, but worth telling (private members present)
    std::shared_ptr<EVP_PKEY> publicKey; // RSA and EC keys that passed
    QByteArray secret; // oct keys that passed
    bool forSignatures = true; // false when its use or key_ops rule signatures out

    bool usable() const { return problem.isEmpty(); }
};

JwkCheck checkJwk(const QJsonObject &key);

// Every key of a JWK Set's "keys" array, in order, with the rules that concern the set: a kid
// used by two usable keys refuses both (a token naming it would be ambiguous), and a secret
// (oct) key among public keys is refused. `duplicatePaths` are members found twice in the set's
// text (duplicateMembers()): a key repeating a member is refused.
QList<JwkCheck> checkJwkSet(const QJsonArray &keys, const QStringList &duplicatePaths = {});

// The same as diagnostics at `path`.keys[i]: an error for each refused key, a warning for each
// usable key worth a remark. `path` is where the JWKS object sits (an authorizer's "jwks").
Diagnostics checkJwks(const QJsonObject &jwks, const QString &path);

// The JWS algorithms (RFC 7518 §3.1) a key may be declared for; "none" is not one of them.
bool isJwsAlgorithm(const QString &alg);
// The curve an ES algorithm needs (ES256: P-256); empty for other algorithms.
QString curveForAlgorithm(const QString &alg);
// The bytes of one coordinate (and half an ES signature) on a curve; 0 for unknown curves.
int coordinateSize(const QString &crv);

} // namespace gw::model
