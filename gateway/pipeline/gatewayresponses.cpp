#include "gatewayresponses.h"

#include "requestcontext.h"

#include "gateway/core/jsonutil.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QRegularExpression>

namespace gw::pipeline {

namespace {

const GatewayResponseType kTypes[] = {
    {"ACCESS_DENIED", 403, "User is not authorized to access this resource", "AccessDeniedException"},
    {"API_CONFIGURATION_ERROR", 500, "Internal server error", "InternalServerErrorException"},
    {"AUTHORIZER_CONFIGURATION_ERROR", 500, nullptr, "AuthorizerConfigurationException"},
    {"AUTHORIZER_FAILURE", 500, "Internal server error", "AuthorizerFailureException"},
    {"BAD_REQUEST_PARAMETERS", 400, "Bad request parameters", "BadRequestException"},
    {"BAD_REQUEST_BODY", 400, "Invalid request body", "BadRequestException"},
    {"DEFAULT_4XX", 0, "", ""},
    {"DEFAULT_5XX", 500, "Internal server error", "InternalServerErrorException"},
    {"EXPIRED_TOKEN", 403, "The security token included in the request is expired", "ExpiredTokenException"},
    {"INTEGRATION_FAILURE", 504, "Internal server error", "InternalServerErrorException"},
    {"INTEGRATION_TIMEOUT", 504, "Endpoint request timed out", "InternalServerErrorException"},
    {"INVALID_API_KEY", 403, "Forbidden", "ForbiddenException"},
    {"INVALID_SIGNATURE", 403, "The request signature we calculated does not match the signature you provided", "InvalidSignatureException"},
    {"MISSING_AUTHENTICATION_TOKEN", 403, "Missing Authentication Token", "MissingAuthenticationTokenException"},
    {"QUOTA_EXCEEDED", 429, "Limit Exceeded", "LimitExceededException"},
    {"REQUEST_TOO_LARGE", 413, "Request Too Long", "RequestTooLargeException"},
    {"RESOURCE_NOT_FOUND", 404, "Not Found", "ResourceNotFoundException"},
    {"THROTTLED", 429, "Too Many Requests", "TooManyRequestsException"},
    {"UNAUTHORIZED", 401, "Unauthorized", "UnauthorizedException"},
    {"UNSUPPORTED_MEDIA_TYPE", 415, "Unsupported Media Type", "BadRequestException"},
    {"WAF_FILTERED", 403, "Forbidden", "WafFilteredException"},
};

const QString kDefaultTemplate = QStringLiteral("{\"message\":$context.error.messageString}");

// Gateway-response templates are not VTL: plain substitution of $context.*, $stageVariables.*.
QString substitute(const QString &tpl, const RequestContext &ctx, const QString &messageString)
{
    static const QRegularExpression ref(QStringLiteral("\\$(?:\\{(context|stageVariables)\\.([A-Za-z0-9_.]+)\\}|(context|stageVariables)\\.([A-Za-z0-9_.]+))"));
    const QJsonObject context = ctx.contextObject();
    QString out;
    qsizetype last = 0;
    auto it = ref.globalMatch(tpl);
    while (it.hasNext()) {
        const auto m = it.next();
        out += QStringView(tpl).mid(last, m.capturedStart() - last);
        last = m.capturedEnd();
        const bool braced = m.capturedLength(1) > 0;
        const QString root = m.captured(braced ? 1 : 3);
        const QString key = m.captured(braced ? 2 : 4);
        if (root == QLatin1String("stageVariables")) {
            out += ctx.stageVariables.value(key);
        } else if (key == QLatin1String("error.messageString")) {
            out += messageString;
        } else if (key == QLatin1String("error.message")) {
            out += ctx.error ? ctx.error->message : QString();
        } else if (key == QLatin1String("error.responseType")) {
            out += ctx.error ? ctx.error->responseType : QString();
        } else {
            QJsonValue v = context;
            for (const QString &part : key.split(QLatin1Char('.')))
                v = v.toObject().value(part);
            out += v.isDouble() ? QString::number(v.toDouble(), 'g', 17) : v.toVariant().toString();
        }
    }
    out += QStringView(tpl).mid(last);
    return out;
}

QByteArray parameterValue(const QString &source, const RequestContext &ctx)
{
    if (source.size() >= 2 && source.startsWith(QLatin1Char('\'')) && source.endsWith(QLatin1Char('\'')))
        return source.mid(1, source.size() - 2).toUtf8();
    if (source.startsWith(QLatin1String("method.request.header.")))
        return ctx.request.headers.value(source.mid(22).toLatin1());
    if (source.startsWith(QLatin1String("method.request.querystring.")))
        return ctx.queryValue(source.mid(27)).toUtf8();
    if (source.startsWith(QLatin1String("method.request.path.")))
        return ctx.pathParameter(source.mid(20)).toUtf8();
    if (source.startsWith(QLatin1String("stageVariables.")))
        return ctx.stageVariables.value(source.mid(15)).toUtf8();
    if (source.startsWith(QLatin1String("context."))) {
        QJsonValue v = ctx.contextObject();
        for (const QString &part : source.mid(8).split(QLatin1Char('.')))
            v = v.toObject().value(part);
        return v.toVariant().toString().toUtf8();
    }
    return {};
}

} // namespace

const GatewayResponseType *gatewayResponseType(const QString &type)
{
    for (const auto &t : kTypes)
        if (type == QLatin1String(t.type))
            return &t;
    return nullptr;
}

QStringList gatewayResponseTypeNames()
{
    QStringList out;
    for (const auto &t : kTypes)
        out.append(QLatin1String(t.type));
    return out;
}

// HTTP APIs have no gateway responses: fixed bodies and codes (reference §16.7).
static void applyHttpApiError(RequestContext &ctx)
{
    const QString &type = ctx.error->responseType;
    int status = 500;
    QByteArray message = "Internal Server Error";
    if (!ctx.error->errorType.isEmpty()) {
        // A refused SigV4 signature (AWS_IAM route) keeps AWS's own explanation.
        status = 403;
        message = ctx.error->message.toUtf8();
    } else if (type == QLatin1String("MISSING_AUTHENTICATION_TOKEN") || type == QLatin1String("RESOURCE_NOT_FOUND")) {
        status = 404;
        message = "Not Found";
    } else if (type == QLatin1String("INTEGRATION_TIMEOUT")) {
        status = 503;
        message = "Service Unavailable";
    } else if (type == QLatin1String("UNAUTHORIZED")) {
        status = 401;
        message = "Unauthorized";
    } else if (type == QLatin1String("ACCESS_DENIED") || type == QLatin1String("INVALID_API_KEY") || type == QLatin1String("WAF_FILTERED")) {
        status = 403;
        message = "Forbidden";
    } else if (type == QLatin1String("THROTTLED")) {
        status = 429;
        message = "Too Many Requests";
    } else if (type == QLatin1String("REQUEST_TOO_LARGE")) {
        status = 413;
        message = "Request Entity Too Large";
    } else if (const GatewayResponseType *t = gatewayResponseType(type); t && t->status >= 400 && t->status < 500) {
        status = t->status;
        message = t->message ? QByteArray(t->message) : QByteArray();
    }
    ctx.response = HttpResponse{};
    ctx.response.status = status;
    ctx.response.headers.set("Content-Type", "application/json");
    ctx.response.body = gw::toCompactJson(QJsonObject{{QStringLiteral("message"), QString::fromUtf8(message)}});
    if (ctx.tracing() && !ctx.error->logLine.isEmpty())
        ctx.log(QStringLiteral("error"), ctx.error->logLine);
}

void applyGatewayResponse(RequestContext &ctx)
{
    if (ctx.api && ctx.api->type == model::ApiType::Http) {
        applyHttpApiError(ctx);
        return;
    }
    const GatewayError &error = *ctx.error;
    const GatewayResponseType *type = gatewayResponseType(error.responseType);
    if (!type)
        type = gatewayResponseType(QStringLiteral("DEFAULT_5XX"));
    int status = error.status ? error.status : type->status ? type->status : 500;
    const bool is4xx = status >= 400 && status < 500;

    QString tpl = kDefaultTemplate;
    QMap<QString, QString> parameters;
    if (ctx.deployment) {
        const auto &custom = ctx.deployment->definition.gatewayResponses;
        const auto apply = [&](const QString &key) {
            const auto it = custom.constFind(key);
            if (it == custom.cend())
                return false;
            if (it->statusCode)
                status = *it->statusCode;
            if (const QString t = it->responseTemplates.value(QStringLiteral("application/json")); !t.isEmpty())
                tpl = t;
            else if (!it->responseTemplates.isEmpty())
                tpl = it->responseTemplates.first();
            for (auto p = it->responseParameters.begin(); p != it->responseParameters.end(); ++p)
                parameters.insert(p.key(), p.value());
            return true;
        };
        // The class default first, then the type's own entry overrides it.
        apply(is4xx ? QStringLiteral("DEFAULT_4XX") : QStringLiteral("DEFAULT_5XX"));
        apply(error.responseType);
    }

    const QString messageString = error.messageIsNull ? QStringLiteral("null")
                                                      : QString::fromUtf8(gw::toCompactJson(QJsonValue(error.message)));
    QString body = substitute(tpl, ctx, messageString);
    // ACCESS_DENIED bodies use "Message" with a capital M, as AWS writes them.
    if (error.responseType == QLatin1String("ACCESS_DENIED") && tpl == kDefaultTemplate)
        body = QStringLiteral("{\"Message\":") + messageString + QLatin1Char('}');

    ctx.response = HttpResponse{};
    ctx.response.status = status;
    ctx.response.headers.set("Content-Type", "application/json");
    if (!error.errorType.isEmpty())
        ctx.response.headers.set("x-amzn-ErrorType", error.errorType);
    else if (*type->errorType)
        ctx.response.headers.set("x-amzn-ErrorType", type->errorType);
    for (auto p = parameters.begin(); p != parameters.end(); ++p) {
        if (!p.key().startsWith(QLatin1String("gatewayresponse.header.")))
            continue;
        ctx.response.headers.set(p.key().mid(23).toLatin1(), parameterValue(p.value(), ctx));
    }
    ctx.response.body = body.toUtf8();
    if (ctx.tracing()) {
        if (!error.logLine.isEmpty())
            ctx.log(QStringLiteral("error"), error.logLine);
        ctx.log(QStringLiteral("error"), QStringLiteral("Gateway response type: %1 with status code: %2").arg(error.responseType).arg(status));
    }
}

} // namespace gw::pipeline
