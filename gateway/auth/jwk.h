#pragma once

#include "gateway/model/jwkcheck.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <memory>
#include <optional>

typedef struct evp_pkey_st EVP_PKEY;

namespace gw::auth {

// One JSON Web Key (RFC 7517) that passed model::checkJwk() and may verify signatures: RSA
// (n, e) and EC (crv, x, y) public keys as an OpenSSL EVP_PKEY, "oct" keys with their secret
// bytes for HMAC. Private members (d, p, q...) are ignored: the gateway only verifies.
// Immutable; shareable across threads.
class Jwk {
public:
    // Null with `error` set when the key is refused (malformed, weak, not for signatures...).
    static std::optional<Jwk> fromJson(const QJsonObject &json, QString *error);
    // The key of a check that passed (checkJwkSet() applies the rules of a whole set).
    static Jwk fromCheck(const QJsonObject &json, const model::JwkCheck &check);

    QString kid() const { return m_kid; }
    QString kty() const { return m_kty; }
    QString alg() const { return m_alg; } // the key's declared algorithm; may be empty
    QString curve() const { return m_crv; } // EC only: P-256, P-384, P-521
    EVP_PKEY *publicKey() const { return m_key.get(); }
    const QByteArray &secret() const { return m_secret; }

private:
    QString m_kid;
    QString m_kty;
    QString m_alg;
    QString m_crv;
    std::shared_ptr<EVP_PKEY> m_key;
    QByteArray m_secret;
};

using model::base64UrlDecode;
using model::base64UrlEncode;

} // namespace gw::auth
