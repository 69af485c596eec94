#include "accesslogformat.h"

#include <QRegularExpression>
#include <QSet>

namespace gw::observe {

namespace {

const QSet<QString> &knownVariables()
{
    static const QSet<QString> names = [] {
        const char *list[] = {
            "accountId", "apiId", "authorizer.principalId", "authorizer.error", "authorizer.integrationLatency",
            "authorizer.integrationStatus", "authorizer.latency", "authorizer.requestId", "authorizer.status",
            "authorize.error", "authorize.latency", "authorize.status", "authenticate.error", "authenticate.latency",
            "authenticate.status", "awsEndpointRequestId", "customDomain.basePathMatched", "dataProcessed",
            "deploymentId", "domainName", "domainPrefix", "endpointType", "error.message", "error.messageString",
            "error.responseType", "error.validationErrorString", "extendedRequestId", "httpMethod",
            "identity.accessKey", "identity.accountId", "identity.apiKey", "identity.apiKeyId", "identity.caller",
            "identity.cognitoAuthenticationProvider", "identity.cognitoAuthenticationType",
            "identity.cognitoIdentityId", "identity.cognitoIdentityPoolId", "identity.principalOrgId",
            "identity.sourceIp", "identity.user", "identity.userAgent", "identity.userArn", "identity.vpcId",
            "identity.vpceId", "integration.error", "integration.integrationStatus", "integration.latency",
            "integration.requestId", "integration.status", "integrationErrorMessage", "integrationLatency",
            "integrationStatus", "isCanaryRequest", "path", "protocol", "requestId", "requestTime",
            "requestTimeEpoch", "resourceId", "resourcePath", "responseLatency", "responseLength", "routeKey",
            "stage", "status", "waf.error", "waf.latency", "waf.status", "wafResponseCode", "webaclArn",
            "xrayTraceId", "cacheHit"};
        QSet<QString> s;
        for (const char *n : list)
            s.insert(QLatin1String(n));
        return s;
    }();
    return names;
}

} // namespace

bool AccessLogFormat::isKnownVariable(const QString &name)
{
    // $context.authorizer.<key> and .claims.<name> carry the authorizer's own context keys.
    return knownVariables().contains(name) || name.startsWith(QLatin1String("authorizer.claims."))
           || name.startsWith(QLatin1String("authorizer."));
}

AccessLogFormat::ParseResult AccessLogFormat::parse(const QString &format)
{
    ParseResult result;
    if (format.contains(QLatin1Char('\n')) || format.contains(QLatin1Char('\r'))) {
        result.error = QStringLiteral("the format must be a single line");
        return result;
    }
    static const QRegularExpression var(QStringLiteral("\\$(?:\\{context\\.([A-Za-z0-9_.:-]+)\\}|context\\.([A-Za-z0-9_:-]+(?:\\.[A-Za-z0-9_:-]+)*))"));
    qsizetype last = 0;
    bool hasRequestId = false;
    auto it = var.globalMatch(format);
    while (it.hasNext()) {
        const auto m = it.next();
        if (m.capturedStart() > last)
            result.format.m_parts.append({false, format.mid(last, m.capturedStart() - last)});
        const QString name = m.captured(1).isEmpty() ? m.captured(2) : m.captured(1);
        if (!isKnownVariable(name)) {
            result.error = QStringLiteral("column %1: unknown variable $context.%2").arg(m.capturedStart() + 1).arg(name);
            return result;
        }
        hasRequestId = hasRequestId || name == QLatin1String("requestId") || name == QLatin1String("extendedRequestId");
        result.format.m_parts.append({true, name});
        last = m.capturedEnd();
    }
    if (last < format.size())
        result.format.m_parts.append({false, format.mid(last)});
    if (!hasRequestId) {
        result.error = QStringLiteral("the format must contain $context.requestId or $context.extendedRequestId");
        return result;
    }
    result.ok = true;
    return result;
}

QString AccessLogFormat::render(const std::function<QString(const QString &)> &lookup) const
{
    QString out;
    for (const Part &p : m_parts) {
        if (!p.variable) {
            out += p.text;
            continue;
        }
        const QString v = lookup(p.text);
        out += v.isEmpty() ? QStringLiteral("-") : v;
    }
    return out;
}

QStringList AccessLogFormat::variables() const
{
    QStringList out;
    for (const Part &p : m_parts)
        if (p.variable)
            out.append(p.text);
    return out;
}

QStringList AccessLogFormat::presetNames()
{
    return {QStringLiteral("CLF"), QStringLiteral("JSON"), QStringLiteral("XML"), QStringLiteral("CSV")};
}

QString AccessLogFormat::preset(const QString &name)
{
    if (name == QLatin1String("CLF"))
        return QStringLiteral("$context.identity.sourceIp $context.identity.caller $context.identity.user [$context.requestTime] "
                              "\"$context.httpMethod $context.resourcePath $context.protocol\" $context.status "
                              "$context.responseLength $context.requestId $context.extendedRequestId");
    if (name == QLatin1String("JSON"))
        return QStringLiteral("{ \"requestId\":\"$context.requestId\", \"extendedRequestId\":\"$context.extendedRequestId\", "
                              "\"ip\": \"$context.identity.sourceIp\", \"caller\":\"$context.identity.caller\", "
                              "\"user\":\"$context.identity.user\", \"requestTime\":\"$context.requestTime\", "
                              "\"httpMethod\":\"$context.httpMethod\", \"resourcePath\":\"$context.resourcePath\", "
                              "\"status\":\"$context.status\", \"protocol\":\"$context.protocol\", "
                              "\"responseLength\":\"$context.responseLength\" }");
    if (name == QLatin1String("XML"))
        return QStringLiteral("<request id=\"$context.requestId\"> <extendedRequestId>$context.extendedRequestId</extendedRequestId> "
                              "<ip>$context.identity.sourceIp</ip> <caller>$context.identity.caller</caller> "
                              "<user>$context.identity.user</user> <requestTime>$context.requestTime</requestTime> "
                              "<httpMethod>$context.httpMethod</httpMethod> <resourcePath>$context.resourcePath</resourcePath> "
                              "<status>$context.status</status> <protocol>$context.protocol</protocol> "
                              "<responseLength>$context.responseLength</responseLength> </request>");
    if (name == QLatin1String("CSV"))
        return QStringLiteral("$context.identity.sourceIp,$context.identity.caller,$context.identity.user,$context.requestTime,"
                              "$context.httpMethod,$context.resourcePath,$context.protocol,$context.status,"
                              "$context.responseLength,$context.requestId,$context.extendedRequestId");
    return {};
}

} // namespace gw::observe
