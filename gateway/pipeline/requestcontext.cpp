#include "requestcontext.h"

#include "gateway/core/jsonutil.h"
#include "gateway/observe/secretmask.h"

#include <QLocale>

namespace gw::pipeline {

QString RequestContext::traceHeaders(const HeaderList &headers) const
{
    QList<QPair<QString, QString>> entries;
    for (const auto &h : headers) {
        const QByteArray value = observe::isSecretHeader(h.first, secretHeaders) ? observe::maskSecret(h.second) : h.second;
        entries.append({QString::fromLatin1(h.first), QString::fromUtf8(value)});
    }
    return gw::javaMapString(entries);
}

QString RequestContext::traceBody(const QByteArray &body) const
{
    if (body.size() <= traceBodyLimit)
        return QString::fromUtf8(body);
    return QString::fromUtf8(body.left(traceBodyLimit)) + QStringLiteral(" [TRUNCATED]");
}

QString RequestContext::queryValue(const QString &name) const
{
    for (auto it = query.crbegin(); it != query.crend(); ++it)
        if (it->first == name)
            return it->second;
    return {};
}

QString RequestContext::pathParameter(const QString &name) const
{
    for (const auto &p : pathParameters)
        if (p.first == name)
            return p.second;
    return {};
}

QJsonObject RequestContext::contextObject() const
{
    QJsonObject identity{
        {QStringLiteral("sourceIp"), request.peerAddress.toString()},
        {QStringLiteral("userAgent"), QString::fromUtf8(request.headers.value("user-agent"))},
        {QStringLiteral("accessKey"), QJsonValue()},
        {QStringLiteral("accountId"), QJsonValue()},
        {QStringLiteral("apiKey"), QJsonValue()},
        {QStringLiteral("apiKeyId"), QJsonValue()},
        {QStringLiteral("caller"), QJsonValue()},
        {QStringLiteral("cognitoAuthenticationProvider"), QJsonValue()},
        {QStringLiteral("cognitoAuthenticationType"), QJsonValue()},
        {QStringLiteral("cognitoIdentityId"), QJsonValue()},
        {QStringLiteral("cognitoIdentityPoolId"), QJsonValue()},
        {QStringLiteral("user"), QJsonValue()},
        {QStringLiteral("userArn"), QJsonValue()},
    };
    if (iamCaller) {
        identity.insert(QStringLiteral("accessKey"), iamCaller->accessKey);
        identity.insert(QStringLiteral("accountId"), iamCaller->accountId);
        identity.insert(QStringLiteral("caller"), iamCaller->caller);
        identity.insert(QStringLiteral("user"), iamCaller->user);
        identity.insert(QStringLiteral("userArn"), iamCaller->userArn);
    }
    const QString stageName = stage ? stage->name : QString();
    const QString domainName = this->domainName.isEmpty() && api ? api->id + QStringLiteral(".execute-api.localhost") : this->domainName;
    QJsonObject ctx{
        {QStringLiteral("accountId"), QStringLiteral("000000000000")},
        {QStringLiteral("apiId"), api ? api->id : QString()},
        {QStringLiteral("deploymentId"), deployment ? deployment->id : QString()},
        {QStringLiteral("domainName"), domainName},
        {QStringLiteral("domainPrefix"), domainName.section(QLatin1Char('.'), 0, 0)},
        {QStringLiteral("extendedRequestId"), extendedRequestId},
        {QStringLiteral("httpMethod"), httpMethod()},
        {QStringLiteral("identity"), identity},
        {QStringLiteral("path"), QString(QLatin1Char('/') + stageName + (rawStagePath.isEmpty() ? stagePath : rawStagePath))},
        {QStringLiteral("protocol"), QString::fromLatin1(request.protocol)},
        {QStringLiteral("requestId"), requestId},
        {QStringLiteral("requestTime"), QLocale::c().toString(requestTime.toUTC(), QStringLiteral("dd/MMM/yyyy:HH:mm:ss +0000"))},
        {QStringLiteral("requestTimeEpoch"), double(requestTime.toMSecsSinceEpoch())},
        {QStringLiteral("resourceId"), method ? method->resourceId : QString()},
        {QStringLiteral("resourcePath"), resourcePath()},
        {QStringLiteral("stage"), stageName},
        {QStringLiteral("isCanaryRequest"), isCanaryRequest},
        {QStringLiteral("requestOverride"), QJsonObject{{QStringLiteral("header"), QJsonObject()},
                                                        {QStringLiteral("path"), QJsonObject()},
                                                        {QStringLiteral("querystring"), QJsonObject()}}},
        {QStringLiteral("responseOverride"), QJsonObject{{QStringLiteral("header"), QJsonObject()}}},
    };
    if (authorizer) {
        // $context.authorizer.<key> for Lambda authorizers, .claims.<claim> for JWT/Cognito.
        QJsonObject a = authorizer->context;
        a.insert(QStringLiteral("principalId"), authorizer->principalId);
        if (authorizer->integrationLatencyMs >= 0)
            a.insert(QStringLiteral("integrationLatency"), double(authorizer->integrationLatencyMs));
        if (!authorizer->claims.isEmpty())
            a.insert(QStringLiteral("claims"), authorizer->claims);
        ctx.insert(QStringLiteral("authorizer"), a);
    }
    if (!apiKeyId.isEmpty()) {
        // The value is read back from where the API-key phase found it, so the context never
        // stores it; access logs mask it (accesslogvalues.cpp).
        const bool fromAuthorizer = deployment && deployment->definition.apiKeySource == QLatin1String("AUTHORIZER");
        identity.insert(QStringLiteral("apiKey"), fromAuthorizer ? (authorizer ? authorizer->usageIdentifierKey : QString())
                                                                 : QString::fromUtf8(request.headers.value("x-api-key")));
        identity.insert(QStringLiteral("apiKeyId"), apiKeyId);
        ctx.insert(QStringLiteral("identity"), identity);
    }
    if (error) {
        ctx.insert(QStringLiteral("error"), QJsonObject{{QStringLiteral("message"), error->message},
                                                        {QStringLiteral("responseType"), error->responseType},
                                                        {QStringLiteral("validationErrorString"), error->validationErrorString}});
    }
    return ctx;
}

} // namespace gw::pipeline
