#include "accesscontrolcheck.h"

#include <QHostAddress>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>

namespace gw::model {

namespace {

void error(Diagnostics &out, const QString &path, const QString &message)
{
    out.append({Diagnostic::Severity::Error, path, message});
}

QStringList stringOrList(const QJsonValue &v)
{
    if (v.isString())
        return {v.toString()};
    QStringList out;
    for (const QJsonValue &s : v.toArray())
        out.append(s.toString());
    return out;
}

bool isCidr(const QString &text)
{
    if (!text.contains(QLatin1Char('/')))
        return !QHostAddress(text.trimmed()).isNull();
    const auto subnet = QHostAddress::parseSubnet(text.trimmed());
    return !subnet.first.isNull() && subnet.second >= 0;
}

void checkAuthorizer(const Authorizer &a, const QString &path, Diagnostics &out)
{
    static const QStringList types = {QStringLiteral("TOKEN"), QStringLiteral("REQUEST"), QStringLiteral("COGNITO_USER_POOLS"), QStringLiteral("JWT")};
    if (!types.contains(a.type.toUpper()))
        error(out, path + QStringLiteral(".type"),
              QStringLiteral("unknown authorizer type '%1' (expected TOKEN, REQUEST, COGNITO_USER_POOLS or JWT)").arg(a.type));
    if (a.name.trimmed().isEmpty())
        error(out, path + QStringLiteral(".name"), QStringLiteral("authorizer name is empty"));
    // The same words as compiling the authorizer reports, so `check` shows each problem once.
    const QString type = a.type.toUpper();
    if ((type == QLatin1String("TOKEN") || type == QLatin1String("REQUEST")) && a.functionName.isEmpty() && a.authorizerUri.isEmpty())
        error(out, path + QStringLiteral(".functionName"),
              QStringLiteral("a Lambda authorizer needs a project function (functionName), a Lambda authorizerUri or an http(s) authorizerUri"));
    if (type == QLatin1String("JWT") && a.issuer.isEmpty())
        error(out, path + QStringLiteral(".issuer"), QStringLiteral("a JWT authorizer needs an issuer"));
    if (type == QLatin1String("COGNITO_USER_POOLS") && a.providerArns.isEmpty() && a.issuer.isEmpty())
        error(out, path + QStringLiteral(".providerArns"), QStringLiteral("a Cognito authorizer needs at least one user pool ARN"));
    if (a.resultTtlInSeconds < 0 || a.resultTtlInSeconds > 3600)
        error(out, path + QStringLiteral(".resultTtlInSeconds"), QStringLiteral("the result TTL must be between 0 and 3600 seconds"));
    if (!a.identityValidationExpression.isEmpty()) {
        const QRegularExpression re(QRegularExpression::anchoredPattern(a.identityValidationExpression));
        if (!re.isValid())
            error(out, path + QStringLiteral(".identityValidationExpression"), QStringLiteral("invalid regular expression: %1").arg(re.errorString()));
    }
    if (!a.payloadFormatVersion.isEmpty() && a.payloadFormatVersion != QLatin1String("1.0") && a.payloadFormatVersion != QLatin1String("2.0"))
        error(out, path + QStringLiteral(".authorizerPayloadFormatVersion"), QStringLiteral("the payload format version must be 1.0 or 2.0"));
    if (a.enableSimpleResponses && a.payloadFormatVersion == QLatin1String("1.0"))
        error(out, path + QStringLiteral(".enableSimpleResponses"), QStringLiteral("simple responses need payload format version 2.0"));
    static const QRegularExpression source(QStringLiteral(
        "^\\s*\\$?(method\\.request\\.(header|querystring)\\.|request\\.(header|querystring)\\.|stageVariables\\.|context\\.)[^,\\s]+\\s*$"));
    for (const QString &s : a.identitySource.split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (!source.match(s).hasMatch())
            error(out, path + QStringLiteral(".identitySource"),
                  QStringLiteral("'%1' is not an identity source (method.request.header.NAME, method.request.querystring.NAME, "
                                 "stageVariables.NAME or context.NAME)").arg(s.trimmed()));
}

void checkPolicy(const QJsonObject &policy, const QString &path, Diagnostics &out)
{
    const QJsonValue sv = policy.value(QLatin1String("Statement"));
    const QJsonArray statements = sv.isObject() ? QJsonArray{sv} : sv.toArray();
    for (qsizetype i = 0; i < statements.size(); ++i) {
        const QJsonObject s = statements[i].toObject();
        const QString spath = path + QStringLiteral(".Statement[%1]").arg(i);
        const QString effect = s.value(QLatin1String("Effect")).toString();
        if (effect != QLatin1String("Allow") && effect != QLatin1String("Deny"))
            error(out, spath + QStringLiteral(".Effect"), QStringLiteral("Effect must be Allow or Deny"));
        const QJsonObject conditions = s.value(QLatin1String("Condition")).toObject();
        for (const char *op : {"IpAddress", "NotIpAddress"}) {
            const QJsonObject keys = conditions.value(QLatin1String(op)).toObject();
            for (auto k = keys.begin(); k != keys.end(); ++k) {
                if (k.key().compare(QLatin1String("aws:SourceIp"), Qt::CaseInsensitive) != 0)
                    continue;
                const QStringList cidrs = stringOrList(k.value());
                for (qsizetype j = 0; j < cidrs.size(); ++j)
                    if (!isCidr(cidrs[j]))
                        error(out, QStringLiteral("%1.Condition.%2.%3[%4]").arg(spath, QLatin1String(op), k.key()).arg(j),
                              QStringLiteral("'%1' is not an IPv4 or IPv6 address or CIDR block").arg(cidrs[j]));
            }
        }
    }
}

} // namespace

Diagnostics checkAccessControl(const ApiDefinition &def, const QString &path)
{
    Diagnostics out;
    QSet<QString> ids;
    for (qsizetype i = 0; i < def.authorizers.size(); ++i) {
        const Authorizer &a = def.authorizers[i];
        const QString apath = path + QStringLiteral(".authorizers[%1]").arg(i);
        if (a.id.isEmpty() || ids.contains(a.id))
            error(out, apath + QStringLiteral(".id"), QStringLiteral("authorizer ids must be present and unique"));
        ids.insert(a.id);
        checkAuthorizer(a, apath, out);
    }
    static const QStringList needsAuthorizer = {QStringLiteral("CUSTOM"), QStringLiteral("COGNITO_USER_POOLS"), QStringLiteral("JWT")};
    for (qsizetype k = 0; k < def.resources.size(); ++k) {
        const Resource &r = def.resources[k];
        for (auto it = r.methods.begin(); it != r.methods.end(); ++it) {
            const QString mpath = path + QStringLiteral(".resources[%1].methods.%2").arg(k).arg(it.key());
            const Method &m = it.value();
            if (!needsAuthorizer.contains(m.authorizationType.toUpper()))
                continue;
            if (m.authorizerId.isEmpty())
                error(out, mpath + QStringLiteral(".authorizerId"), QStringLiteral("authorization type %1 needs an authorizer").arg(m.authorizationType));
            else if (!ids.contains(m.authorizerId))
                error(out, mpath + QStringLiteral(".authorizerId"), QStringLiteral("authorizer %1 does not exist").arg(m.authorizerId));
        }
    }
    if (!def.policy.isEmpty())
        checkPolicy(def.policy, path + QStringLiteral(".policy"), out);
    return out;
}

} // namespace gw::model
