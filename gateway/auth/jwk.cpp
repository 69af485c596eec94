#include "jwk.h"

namespace gw::auth {

std::optional<Jwk> Jwk::fromJson(const QJsonObject &json, QString *error)
{
    const model::JwkCheck check = model::checkJwk(json);
    if (!check.usable()) {
        if (error)
            *error = check.problem;
        return std::nullopt;
    }
    return fromCheck(json, check);
}

Jwk Jwk::fromCheck(const QJsonObject &json, const model::JwkCheck &check)
{
    Jwk k;
    k.m_kty = json.value(QLatin1String("kty")).toString();
    k.m_kid = check.kid;
    k.m_alg = json.value(QLatin1String("alg")).toString();
    k.m_crv = json.value(QLatin1String("crv")).toString();
    k.m_key = check.publicKey;
    k.m_secret = check.secret;
    return k;
}

} // namespace gw::auth
