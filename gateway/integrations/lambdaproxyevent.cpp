#include "lambdaproxyevent.h"

#include "gateway/core/ids.h"
#include "gateway/pipeline/requestcontext.h"

#include <QJsonArray>

namespace gw::integrations {

namespace {

// Hop-by-hop and framing headers never reach the function.
bool isDroppedHeader(const QByteArray &name)
{
    static const char *dropped[] = {"connection", "content-length", "keep-alive", "proxy-connection", "te",
                                    "trailer", "transfer-encoding", "upgrade", "expect"};
    for (const char *d : dropped)
        if (name.compare(d, Qt::CaseInsensitive) == 0)
            return true;
    return false;
}

QJsonValue orNull(const QJsonObject &o)
{
    return o.isEmpty() ? QJsonValue() : QJsonValue(o);
}

} // namespace

bool matchesBinaryMediaType(const QByteArray &mediaType, const QStringList &binaryMediaTypes)
{
    QByteArray type = mediaType;
    if (const auto semi = type.indexOf(';'); semi >= 0)
        type.truncate(semi);
    type = type.trimmed().toLower();
    if (type.isEmpty())
        return false;
    const QString t = QString::fromLatin1(type);
    for (const QString &b : binaryMediaTypes) {
        const QString pattern = b.trimmed().toLower();
        if (pattern == t || pattern == QLatin1String("*/*"))
            return true;
        if (pattern.endsWith(QLatin1String("/*")) && t.startsWith(pattern.chopped(1)))
            return true;
    }
    return false;
}

QJsonObject lambdaProxyEvent(const pipeline::RequestContext &ctx)
{
    HeaderList headers;
    for (const auto &h : ctx.request.headers)
        if (!isDroppedHeader(h.first))
            headers.append(h.first, h.second);
    // What API Gateway adds in front of the function (reference §1.2).
    const QByteArray peer = ctx.request.peerAddress.toString().toLatin1();
    const QByteArray forwarded = ctx.request.headers.value("x-forwarded-for");
    headers.set("X-Forwarded-For", forwarded.isEmpty() ? peer : forwarded + ", " + peer);
    headers.set("X-Forwarded-Port", QByteArray::number(ctx.request.localPort));
    headers.set("X-Forwarded-Proto", "http");
    // The request's trace header: the client's when well-formed, else the one the gateway made.
    headers.set("X-Amzn-Trace-Id", ctx.traceHeader.isEmpty() ? gw::newTraceHeader(ctx.requestTime.toSecsSinceEpoch()).toLatin1()
                                                             : ctx.traceHeader.toLatin1());

    QJsonObject single;
    QJsonObject multi;
    for (const auto &h : headers) {
        const QString name = QString::fromLatin1(h.first);
        const QString value = QString::fromUtf8(h.second);
        // Names differing only in case are one header: the first spelling names it.
        QString key = name;
        for (auto it = multi.begin(); it != multi.end(); ++it)
            if (it.key().compare(name, Qt::CaseInsensitive) == 0)
                key = it.key();
        single.insert(key, value);
        QJsonArray values = multi.value(key).toArray();
        values.append(value);
        multi.insert(key, values);
    }

    QJsonObject query;
    QJsonObject multiQuery;
    for (const auto &q : ctx.query) {
        query.insert(q.first, q.second);
        QJsonArray values = multiQuery.value(q.first).toArray();
        values.append(q.second);
        multiQuery.insert(q.first, values);
    }
    QJsonObject pathParameters;
    for (const auto &p : ctx.pathParameters)
        pathParameters.insert(p.first, p.second);
    QJsonObject stageVariables;
    for (auto it = ctx.stageVariables.begin(); it != ctx.stageVariables.end(); ++it)
        stageVariables.insert(it.key(), it.value());

    // requestContext: the keys real AWS sends (reference §3.2), taken from $context.
    const QJsonObject context = ctx.contextObject();
    QJsonObject requestContext;
    static const char *keys[] = {"accountId", "apiId", "deploymentId", "domainName", "domainPrefix", "extendedRequestId",
                                 "httpMethod", "path", "protocol", "requestId", "requestTime", "requestTimeEpoch",
                                 "resourceId", "resourcePath", "stage", "authorizer"};
    for (const char *k : keys) {
        const QString key = QLatin1String(k);
        if (context.contains(key))
            requestContext.insert(key, context.value(key));
    }
    const QJsonObject contextIdentity = context.value(QStringLiteral("identity")).toObject();
    QJsonObject identity;
    static const char *identityKeys[] = {"accessKey", "accountId", "caller", "cognitoAuthenticationProvider",
                                         "cognitoAuthenticationType", "cognitoIdentityId", "cognitoIdentityPoolId",
                                         "principalOrgId", "sourceIp", "user", "userAgent", "userArn"};
    for (const char *k : identityKeys) {
        const QJsonValue v = contextIdentity.value(QLatin1String(k));
        identity.insert(QLatin1String(k), v.isUndefined() ? QJsonValue() : v);  // unset: null
    }
    for (const char *k : {"apiKey", "apiKeyId"})
        if (!contextIdentity.value(QLatin1String(k)).isNull() && !contextIdentity.value(QLatin1String(k)).isUndefined())
            identity.insert(QLatin1String(k), contextIdentity.value(QLatin1String(k)));
    requestContext.insert(QStringLiteral("identity"), identity);

    // Path below the stage; extra leading slashes are dropped as AWS drops them.
    QString path = ctx.stagePath;
    while (path.startsWith(QLatin1String("//")))
        path.remove(0, 1);

    const QStringList binaryTypes = ctx.deployment ? ctx.deployment->definition.binaryMediaTypes : QStringList();
    const bool binary = !ctx.request.body.isEmpty()
                        && matchesBinaryMediaType(ctx.request.headers.value("content-type"), binaryTypes);
    QJsonValue body;
    if (!ctx.request.body.isEmpty())
        body = binary ? QString::fromLatin1(ctx.request.body.toBase64()) : QString::fromUtf8(ctx.request.body);

    return QJsonObject{
        {QStringLiteral("resource"), ctx.resourcePath()},
        {QStringLiteral("path"), path.isEmpty() ? QStringLiteral("/") : path},
        {QStringLiteral("httpMethod"), ctx.httpMethod()},
        {QStringLiteral("headers"), orNull(single)},
        {QStringLiteral("multiValueHeaders"), orNull(multi)},
        {QStringLiteral("queryStringParameters"), orNull(query)},
        {QStringLiteral("multiValueQueryStringParameters"), orNull(multiQuery)},
        {QStringLiteral("pathParameters"), orNull(pathParameters)},
        {QStringLiteral("stageVariables"), orNull(stageVariables)},
        {QStringLiteral("requestContext"), requestContext},
        {QStringLiteral("body"), body},
        {QStringLiteral("isBase64Encoded"), binary},
    };
}

} // namespace gw::integrations
