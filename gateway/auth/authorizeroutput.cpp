#include "authorizeroutput.h"

#include <QJsonDocument>

#include <cmath>

namespace gw::auth {

static QString stringified(const QJsonValue &v)
{
    if (v.isBool())
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    if (v.isDouble()) {
        const double d = v.toDouble();
        if (std::floor(d) == d && std::fabs(d) < 1e15)
            return QString::number(qint64(d));
        return QString::number(d, 'g', 15);
    }
    return v.toString();
}

std::optional<AuthorizerOutput> parseAuthorizerOutput(const QByteArray &json, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        *error = QStringLiteral("Invalid JSON in response: %1").arg(QString::fromUtf8(json.left(200)));
        return std::nullopt;
    }
    const QJsonObject o = doc.object();
    AuthorizerOutput out;
    const QJsonValue principal = o.value(QLatin1String("principalId"));
    out.principalId = principal.isString() ? principal.toString() : stringified(principal);
    const QJsonValue policy = o.value(QLatin1String("policyDocument"));
    if (!policy.isObject()) {
        *error = QStringLiteral("Invalid policy document in response: the response has no policyDocument object");
        return std::nullopt;
    }
    out.policyDocument = policy.toObject();
    const QJsonObject context = o.value(QLatin1String("context")).toObject();
    for (auto it = context.begin(); it != context.end(); ++it) {
        if (it.value().isObject() || it.value().isArray()) {
            *error = QStringLiteral("Invalid context in response: the value of '%1' is an %2; only strings, numbers and booleans are allowed")
                         .arg(it.key(), it.value().isObject() ? QStringLiteral("object") : QStringLiteral("array"));
            return std::nullopt;
        }
        if (!it.value().isNull())
            out.context.insert(it.key(), stringified(it.value()));
    }
    out.usageIdentifierKey = o.value(QLatin1String("usageIdentifierKey")).toString();
    return out;
}

} // namespace gw::auth
