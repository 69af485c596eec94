#include "resourcepolicy.h"

#include "identitypolicy.h"

#include <QJsonArray>

namespace gw::auth {

std::optional<QPair<QHostAddress, int>> parseCidr(const QString &text)
{
    const QString t = text.trimmed();
    if (!t.contains(QLatin1Char('/'))) {
        QHostAddress a;
        if (!a.setAddress(t))
            return std::nullopt;
        return qMakePair(a, a.protocol() == QAbstractSocket::IPv6Protocol ? 128 : 32);
    }
    const auto subnet = QHostAddress::parseSubnet(t);
    if (subnet.first.isNull() || subnet.second < 0)
        return std::nullopt;
    return subnet;
}

static bool anyPrincipal(const QJsonValue &p)
{
    if (p.isUndefined() || p.toString() == QLatin1String("*"))
        return true;
    return stringOrList(p.toObject().value(QLatin1String("AWS"))).contains(QStringLiteral("*"));
}

std::optional<ResourcePolicy> ResourcePolicy::compile(const QJsonObject &document, const QString &arnPrefix, QString *error,
                                                      QString *errorPath)
{
    QString ignoredPath;
    if (!errorPath)
        errorPath = &ignoredPath;
    ResourcePolicy policy;
    const QJsonValue sv = document.value(QLatin1String("Statement"));
    const QJsonArray statements = sv.isObject() ? QJsonArray{sv} : sv.toArray();
    if (!document.isEmpty() && statements.isEmpty()) {
        *errorPath = QStringLiteral("Statement");
        *error = QStringLiteral("the policy has no statements");
        return std::nullopt;
    }
    for (qsizetype i = 0; i < statements.size(); ++i) {
        const QJsonObject o = statements[i].toObject();
        const QString path = QStringLiteral("Statement[%1]").arg(i);
        Statement s;
        const QString effect = o.value(QLatin1String("Effect")).toString();
        if (effect != QLatin1String("Allow") && effect != QLatin1String("Deny")) {
            *errorPath = path + QStringLiteral(".Effect");
            *error = QStringLiteral("Effect must be Allow or Deny");
            return std::nullopt;
        }
        s.allow = effect == QLatin1String("Allow");
        s.anyPrincipal = anyPrincipal(o.value(QLatin1String("Principal")));
        s.notAction = o.contains(QLatin1String("NotAction"));
        for (const QString &a : stringOrList(o.value(s.notAction ? QLatin1String("NotAction") : QLatin1String("Action"))))
            s.actions.append(a.toLower());
        s.notResource = o.contains(QLatin1String("NotResource"));
        for (QString r : stringOrList(o.value(s.notResource ? QLatin1String("NotResource") : QLatin1String("Resource")))) {
            // "execute-api:/stage/GET/pets" is the console's shorthand for this API's ARNs.
            if (r.startsWith(QLatin1String("execute-api:/")))
                r = arnPrefix + r.mid(12);
            s.resources.append(r);
        }
        const QJsonObject conditions = o.value(QLatin1String("Condition")).toObject();
        for (auto c = conditions.begin(); c != conditions.end(); ++c) {
            const bool ipOperator = c.key() == QLatin1String("IpAddress") || c.key() == QLatin1String("NotIpAddress");
            const QJsonObject keys = c.value().toObject();
            for (auto k = keys.begin(); k != keys.end(); ++k) {
                if (!ipOperator || k.key().compare(QLatin1String("aws:SourceIp"), Qt::CaseInsensitive) != 0) {
                    s.unsupportedCondition = true;
                    continue;
                }
                IpCondition ic;
                ic.negated = c.key() == QLatin1String("NotIpAddress");
                const QStringList cidrs = stringOrList(k.value());
                for (qsizetype j = 0; j < cidrs.size(); ++j) {
                    const auto subnet = parseCidr(cidrs[j]);
                    if (!subnet) {
                        *errorPath = QStringLiteral("%1.Condition.%2.%3[%4]").arg(path, c.key(), k.key()).arg(j);
                        *error = QStringLiteral("'%1' is not an IPv4 or IPv6 address or CIDR block").arg(cidrs[j]);
                        return std::nullopt;
                    }
                    ic.subnets.append(*subnet);
                }
                s.ipConditions.append(ic);
            }
        }
        policy.m_statements.append(s);
    }
    return policy;
}

bool ResourcePolicy::matches(const Statement &s, const QString &arn, const QHostAddress &ip) const
{
    if (!s.anyPrincipal || s.unsupportedCondition)
        return false;
    bool action = false;
    for (const QString &a : s.actions)
        action = action || wildcardMatches(a, QStringLiteral("execute-api:invoke"));
    if (action == s.notAction)
        return false;
    bool resource = false;
    for (const QString &r : s.resources)
        resource = resource || wildcardMatches(r, arn);
    if (resource == s.notResource)
        return false;
    // An IPv4 client over an IPv6 socket arrives as ::ffff:a.b.c.d: compare it as IPv4.
    bool mapped = false;
    const quint32 v4 = ip.toIPv4Address(&mapped);
    const QHostAddress client = mapped ? QHostAddress(v4) : ip;
    for (const IpCondition &c : s.ipConditions) {
        bool inside = false;
        for (const Subnet &net : c.subnets)
            inside = inside || client.isInSubnet(net);
        if (inside == c.negated)
            return false;
    }
    return true;
}

PolicyEffect ResourcePolicy::evaluate(const QString &arn, const QHostAddress &ip) const
{
    PolicyEffect result = PolicyEffect::Silent;
    for (const Statement &s : m_statements) {
        if (!matches(s, arn, ip))
            continue;
        if (!s.allow)
            return PolicyEffect::Deny;
        result = PolicyEffect::Allow;
    }
    return result;
}

bool ResourcePolicy::allowsSourceIpExplicitly(const QString &arn, const QHostAddress &ip) const
{
    for (const Statement &s : m_statements) {
        if (!s.allow || !matches(s, arn, ip))
            continue;
        for (const IpCondition &c : s.ipConditions)
            if (!c.negated)
                return true;
    }
    return false;
}

} // namespace gw::auth
