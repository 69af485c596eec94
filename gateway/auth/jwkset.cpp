#include "jwkset.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace gw::auth {

JwkSet JwkSet::fromJson(const QJsonObject &json)
{
    JwkSet set;
    const QJsonArray keys = json.value(QLatin1String("keys")).toArray();
    for (qsizetype i = 0; i < keys.size(); ++i) {
        QString error;
        if (auto key = Jwk::fromJson(keys[i].toObject(), &error))
            set.m_keys.append(*key);
        else
            set.m_errors.append(QStringLiteral("keys[%1]: %2").arg(i).arg(error));
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
    return fromJson(doc.object());
}

static bool suits(const Jwk &key, const QString &alg)
{
    if (!key.alg().isEmpty())
        return key.alg() == alg;
    if (alg.startsWith(QLatin1String("RS")) || alg.startsWith(QLatin1String("PS")))
        return key.kty() == QLatin1String("RSA");
    if (alg.startsWith(QLatin1String("ES")))
        return key.kty() == QLatin1String("EC");
    return alg.startsWith(QLatin1String("HS")) && key.kty() == QLatin1String("oct");
}

const Jwk *JwkSet::find(const QString &kid, const QString &alg) const
{
    if (!kid.isEmpty()) {
        for (const Jwk &k : m_keys)
            if (k.kid() == kid)
                return &k;
        return nullptr;
    }
    const Jwk *only = nullptr;
    for (const Jwk &k : m_keys) {
        if (!suits(k, alg))
            continue;
        if (only)
            return nullptr;  // ambiguous: a token without kid needs a set with one fitting key
        only = &k;
    }
    return only;
}

bool JwkSet::contains(const QString &kid) const
{
    for (const Jwk &k : m_keys)
        if (k.kid() == kid)
            return true;
    return false;
}

} // namespace gw::auth
