#include "jwkset.h"

#include "gateway/model/jsonduplicates.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace gw::auth {

JwkSet JwkSet::fromJson(const QJsonObject &json, const QStringList &duplicatePaths)
{
    JwkSet set;
    const QJsonArray keys = json.value(QLatin1String("keys")).toArray();
    const QList<model::JwkCheck> checks = model::checkJwkSet(keys, duplicatePaths);
    for (qsizetype i = 0; i < keys.size(); ++i) {
        const QJsonObject key = keys[i].toObject();
        const model::JwkCheck &c = checks[i];
        if (c.usable()) {
            set.m_keys.append(Jwk::fromCheck(key, c));
            if (!c.warning.isEmpty())
                set.m_warnings.append(QStringLiteral("keys[%1]: %2").arg(i).arg(c.warning));
        } else {
            set.m_refused.append({i, c.kid, key.value(QLatin1String("kty")).toString(),
                key.value(QLatin1String("alg")).toString(), c.problem});
        }
    }
    return set;
}

std::optional<JwkSet> JwkSet::parse(const QByteArray &text, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(text, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        *error = QStringLiteral("the JWKS is not a JSON object: %1").arg(parseError.errorString());
        return std::nullopt;
    }
    if (!doc.object().value(QLatin1String("keys")).isArray()) {
        *error = QStringLiteral("the JWKS has no \"keys\" array");
        return std::nullopt;
    }
    const QStringList duplicates = model::duplicateMembers(text);
    for (const QString &d : duplicates) {
        if (!d.startsWith(QLatin1String("keys["))) {
            *error = QStringLiteral("the JWKS repeats the member '%1'").arg(d);
            return std::nullopt;
        }
    }
    return fromJson(doc.object(), duplicates);
}

QStringList JwkSet::errors() const
{
    QStringList out;
    for (const Refused &r : m_refused)
        out.append(QStringLiteral("keys[%1]: %2").arg(r.index).arg(r.reason));
    return out;
}

static bool suits(const QString &kty, const QString &keyAlg, const QString &alg)
{
    if (!keyAlg.isEmpty())
        return keyAlg == alg;
    if (alg.startsWith(QLatin1String("RS")) || alg.startsWith(QLatin1String("PS")))
        return kty == QLatin1String("RSA");
    if (alg.startsWith(QLatin1String("ES")))
        return kty == QLatin1String("EC");
    return alg.startsWith(QLatin1String("HS")) && kty == QLatin1String("oct");
}

const Jwk *JwkSet::find(const QString &kid, const QString &alg, QString *why) const
{
    QString ignored;
    if (!why)
        why = &ignored;
    const auto refusal = [why](const Refused &r) {
        *why = QStringLiteral("the issuer's key %1(keys[%2]) is refused: %3")
                   .arg(r.kid.isEmpty() ? QString() : QStringLiteral("'%1' ").arg(r.kid))
                   .arg(r.index)
                   .arg(r.reason);
        return nullptr;
    };
    if (!kid.isEmpty()) {
        for (const Jwk &k : m_keys)
            if (k.kid() == kid)
                return &k;
        for (const Refused &r : m_refused)
            if (r.kid == kid)
                return refusal(r);
        *why = QStringLiteral("no key of the issuer matches the token's kid '%1'").arg(kid);
        return nullptr;
    }
    const Jwk *only = nullptr;
    for (const Jwk &k : m_keys) {
        if (!suits(k.kty(), k.alg(), alg))
            continue;
        if (only) {
            *why = QStringLiteral("the token has no kid and several of the issuer's keys fit %1").arg(alg);
            return nullptr; // ambiguous: a token without kid needs a set with one fitting key
        }
        only = &k;
    }
    if (only)
        return only;
    for (const Refused &r : m_refused)
        if (suits(r.kty, r.alg, alg))
            return refusal(r);
    *why = QStringLiteral("the token has no kid and no key of the issuer fits %1").arg(alg);
    return nullptr;
}

bool JwkSet::contains(const QString &kid) const
{
    for (const Jwk &k : m_keys)
        if (k.kid() == kid)
            return true;
    for (const Refused &r : m_refused)
        if (r.kid == kid)
            return true;
    return false;
}

} // namespace gw::auth
