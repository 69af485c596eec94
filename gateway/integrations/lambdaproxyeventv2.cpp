#include "lambdaproxyeventv2.h"

#include "lambdaproxyevent.h"

#include "gateway/core/jsonutil.h"
#include "gateway/pipeline/requestcontext.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QMap>

namespace gw::integrations {

QJsonObject lambdaProxyEventV2(const pipeline::RequestContext &ctx)
{
    QJsonObject event;
    const QString routeKey = ctx.resourcePath() == QLatin1String("$default")
                                 ? QStringLiteral("$default")
                                 : (ctx.method ? ctx.method->method.httpMethod : ctx.httpMethod()) + QLatin1Char(' ') + ctx.resourcePath();
    event.insert(QStringLiteral("version"), QStringLiteral("2.0"));
    event.insert(QStringLiteral("routeKey"), routeKey);
    const QString stage = ctx.stage ? ctx.stage->name : QString();
    // With a named stage rawPath carries the stage prefix, as AWS's HTTP APIs send it.
    const QString rawPath = stage == QLatin1String("$default") ? ctx.stagePath : QLatin1Char('/') + stage + ctx.stagePath;
    event.insert(QStringLiteral("rawPath"), rawPath);
    event.insert(QStringLiteral("rawQueryString"), QString::fromUtf8(ctx.request.rawQuery()));

    QMap<QString, QString> headers;
    QJsonArray cookies;
    for (const auto &h : ctx.request.headers) {
        const QString name = QString::fromLatin1(h.first).toLower();
        if (name == QLatin1String("cookie")) {
            for (const QByteArray &c : h.second.split(';'))
                if (!c.trimmed().isEmpty())
                    cookies.append(QString::fromUtf8(c.trimmed()));
            continue;
        }
        const QString value = QString::fromUtf8(h.second);
        headers[name] = headers.contains(name) ? headers[name] + QLatin1Char(',') + value : value;
    }
    // API Gateway hands the function the request's trace header (the client's, or one it made).
    if (!ctx.traceHeader.isEmpty())
        headers[QStringLiteral("x-amzn-trace-id")] = ctx.traceHeader;
    if (!cookies.isEmpty())
        event.insert(QStringLiteral("cookies"), cookies);
    QJsonObject headerObject;
    for (auto it = headers.begin(); it != headers.end(); ++it)
        headerObject.insert(it.key(), it.value());
    event.insert(QStringLiteral("headers"), headerObject);

    if (!ctx.query.isEmpty()) {
        QMap<QString, QString> query;
        for (const auto &q : ctx.query)
            query[q.first] = query.contains(q.first) ? query[q.first] + QLatin1Char(',') + q.second : q.second;
        QJsonObject queryObject;
        for (auto it = query.begin(); it != query.end(); ++it)
            queryObject.insert(it.key(), it.value());
        event.insert(QStringLiteral("queryStringParameters"), queryObject);
    }
    if (!ctx.pathParameters.isEmpty()) {
        QJsonObject params;
        for (const auto &p : ctx.pathParameters)
            params.insert(p.first, p.second);
        event.insert(QStringLiteral("pathParameters"), params);
    }
    if (!ctx.stageVariables.isEmpty()) {
        QJsonObject vars;
        for (auto it = ctx.stageVariables.begin(); it != ctx.stageVariables.end(); ++it)
            vars.insert(it.key(), it.value());
        event.insert(QStringLiteral("stageVariables"), vars);
    }

    const QJsonObject context = ctx.contextObject();
    QJsonObject requestContext{
        {QStringLiteral("accountId"), context.value(QStringLiteral("accountId"))},
        {QStringLiteral("apiId"), context.value(QStringLiteral("apiId"))},
        {QStringLiteral("domainName"), context.value(QStringLiteral("domainName"))},
        {QStringLiteral("domainPrefix"), context.value(QStringLiteral("domainPrefix"))},
        {QStringLiteral("http"), QJsonObject{{QStringLiteral("method"), ctx.httpMethod()},
                                             {QStringLiteral("path"), rawPath},
                                             {QStringLiteral("protocol"), QString::fromLatin1(ctx.request.protocol)},
                                             {QStringLiteral("sourceIp"), ctx.request.peerAddress.toString()},
                                             {QStringLiteral("userAgent"), QString::fromUtf8(ctx.request.headers.value("user-agent"))}}},
        {QStringLiteral("requestId"), ctx.extendedRequestId},
        {QStringLiteral("routeKey"), routeKey},
        {QStringLiteral("stage"), stage},
        {QStringLiteral("time"), context.value(QStringLiteral("requestTime"))},
        {QStringLiteral("timeEpoch"), context.value(QStringLiteral("requestTimeEpoch"))},
    };
    if (ctx.authorizer) {
        // Payload 2.0: JWT authorizers under authorizer.jwt {claims, scopes}, Lambda ones under
        // authorizer.lambda (reference §16.5, §16.6).
        const auto &a = *ctx.authorizer;
        const QJsonObject authorizer = a.claims.isEmpty()
            ? QJsonObject{{QStringLiteral("lambda"), a.context}}
            : QJsonObject{{QStringLiteral("jwt"), QJsonObject{{QStringLiteral("claims"), a.claims},
                                                              {QStringLiteral("scopes"), a.scopes.isEmpty() ? QJsonValue() : QJsonValue(QJsonArray::fromStringList(a.scopes))}}}};
        requestContext.insert(QStringLiteral("authorizer"), authorizer);
    } else if (ctx.iamCaller) {
        // AWS_IAM routes: who signed the request, as payload 2.0 carries it.
        const auto &c = *ctx.iamCaller;
        requestContext.insert(QStringLiteral("authorizer"),
                              QJsonObject{{QStringLiteral("iam"), QJsonObject{{QStringLiteral("accessKey"), c.accessKey},
                                                                              {QStringLiteral("accountId"), c.accountId},
                                                                              {QStringLiteral("callerId"), c.caller},
                                                                              {QStringLiteral("cognitoIdentity"), QJsonValue()},
                                                                              {QStringLiteral("principalOrgId"), QJsonValue()},
                                                                              {QStringLiteral("userArn"), c.userArn},
                                                                              {QStringLiteral("userId"), c.user}}}});
    }
    event.insert(QStringLiteral("requestContext"), requestContext);

    const QStringList binaryTypes = ctx.deployment ? ctx.deployment->definition.binaryMediaTypes : QStringList();
    const bool binary = !ctx.request.body.isEmpty() && matchesBinaryMediaType(ctx.request.headers.value("content-type"), binaryTypes);
    if (!ctx.request.body.isEmpty())
        event.insert(QStringLiteral("body"), binary ? QString::fromLatin1(ctx.request.body.toBase64()) : QString::fromUtf8(ctx.request.body));
    event.insert(QStringLiteral("isBase64Encoded"), binary);
    return event;
}

std::optional<HttpResponse> parseLambdaProxyResponseV2(const QByteArray &payload)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson("[" + payload + "]", &error);
    if (error.error != QJsonParseError::NoError)
        return std::nullopt;
    const QJsonValue value = doc.array().at(0);
    HttpResponse out;
    if (!value.isObject() || !value.toObject().contains(QStringLiteral("statusCode"))) {
        // Valid JSON without a statusCode: the whole output is the body of a 200.
        out.status = 200;
        out.headers.set("content-type", "application/json");
        out.body = value.isString() ? value.toString().toUtf8() : gw::toCompactJson(value);
        return out;
    }
    const QJsonObject o = value.toObject();
    const QJsonValue status = o.value(QStringLiteral("statusCode"));
    bool ok = status.isDouble();
    out.status = status.isString() ? status.toString().toInt(&ok) : status.toInt();
    if (!ok || out.status < 100 || out.status > 599)
        return std::nullopt;
    const QJsonValue headers = o.value(QStringLiteral("headers"));
    if (!headers.isUndefined() && !headers.isNull() && !headers.isObject())
        return std::nullopt;
    const QJsonObject h = headers.toObject();
    for (auto it = h.begin(); it != h.end(); ++it) {
        if (!it->isString() && !it->isDouble() && !it->isBool())
            return std::nullopt;
        out.headers.append(it.key().toLatin1(), it->isString() ? it->toString().toUtf8() : gw::toCompactJson(*it));
    }
    for (const QJsonValue &c : o.value(QStringLiteral("cookies")).toArray())
        out.headers.append("set-cookie", c.toString().toUtf8());
    const QJsonValue body = o.value(QStringLiteral("body"));
    if (!body.isUndefined() && !body.isNull() && !body.isString())
        return std::nullopt;
    out.body = body.toString().toUtf8();
    if (o.value(QStringLiteral("isBase64Encoded")).toBool())
        out.body = QByteArray::fromBase64(out.body);
    if (!out.headers.contains("content-type"))
        out.headers.set("content-type", "application/json");
    return out;
}

} // namespace gw::integrations
