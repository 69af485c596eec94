#include "identitypolicy.h"

#include <QJsonArray>

namespace gw::auth {

QStringList stringOrList(const QJsonValue &value)
{
    if (value.isString())
        return {value.toString()};
    QStringList out;
    for (const QJsonValue &v : value.toArray())
        out.append(v.toString());
    return out;
}

bool actionCoversInvoke(const QJsonValue &action)
{
    for (const QString &a : stringOrList(action))
        if (wildcardMatches(a.toLower(), QStringLiteral("execute-api:invoke")))
            return true;
    return false;
}

static QJsonArray statements(const QJsonObject &doc)
{
    const QJsonValue s = doc.value(QLatin1String("Statement"));
    return s.isObject() ? QJsonArray{s} : s.toArray();
}

PolicyEffect evaluateIdentityPolicy(const QJsonObject &policyDocument, const QString &arn)
{
    PolicyEffect result = PolicyEffect::Silent;
    for (const QJsonValue &v : statements(policyDocument)) {
        const QJsonObject st = v.toObject();
        if (!actionCoversInvoke(st.value(QLatin1String("Action"))))
            continue;
        bool matches = false;
        if (st.contains(QLatin1String("NotResource"))) {
            matches = true;
            for (const QString &r : stringOrList(st.value(QLatin1String("NotResource"))))
                matches = matches && !wildcardMatches(r, arn);
        } else {
            for (const QString &r : stringOrList(st.value(QLatin1String("Resource"))))
                matches = matches || wildcardMatches(r, arn);
        }
        if (!matches)
            continue;
        const QString effect = st.value(QLatin1String("Effect")).toString();
        if (effect.compare(QLatin1String("Deny"), Qt::CaseInsensitive) == 0)
            return PolicyEffect::Deny;
        if (effect.compare(QLatin1String("Allow"), Qt::CaseInsensitive) == 0)
            result = PolicyEffect::Allow;
    }
    return result;
}

} // namespace gw::auth
