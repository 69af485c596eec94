#include "resolvephase.h"

#include "gateway/core/jsonutil.h"

#include <QRandomGenerator>

namespace gw::pipeline {

bool parseStageAddress(const QByteArray &host, const QByteArray &rawPath, StageAddress *out)
{
    const QString path = QString::fromUtf8(rawPath);
    static const QLatin1String restapis("/restapis/");
    static const QLatin1String userRequest("/_user_request_");
    if (path.startsWith(restapis)) {
        // /restapis/{apiId}/{stage}/_user_request_/{path}
        const QStringList parts = path.mid(restapis.size()).split(QLatin1Char('/'));
        if (parts.size() < 3 || parts[2] != QLatin1String("_user_request_"))
            return false;
        out->apiId = parts[0].toLower();
        out->stage = parts[1];
        const qsizetype at = path.indexOf(userRequest) + userRequest.size();
        out->path = path.mid(at);
        if (out->path.isEmpty())
            out->path = QStringLiteral("/");
        out->domainName = out->apiId + QStringLiteral(".execute-api.localhost");
        return true;
    }
    const QString h = QString::fromLatin1(host);
    static const QLatin1String suffix(".execute-api.localhost");
    const qsizetype at = h.indexOf(suffix);
    if (at <= 0)
        return false;
    out->apiId = h.left(at).toLower();
    out->domainName = h;
    // /{stage}/{path}
    const qsizetype slash = path.indexOf(QLatin1Char('/'), 1);
    out->stage = slash < 0 ? path.mid(1) : path.mid(1, slash - 1);
    out->path = slash < 0 ? QStringLiteral("/") : path.mid(slash);
    return !out->stage.isEmpty();
}


PhaseResult ResolvePhase::onRequest(const std::shared_ptr<RequestContext> &ctx, const Resume &)
{
    StageAddress address;
    const auto missingToken = [&]() {
        ctx->fail({QStringLiteral("MISSING_AUTHENTICATION_TOKEN"), QStringLiteral("Missing Authentication Token"), false, {}});
        return PhaseResult::Respond;
    };
    if (!parseStageAddress(ctx->request.host(), ctx->request.rawPath(), &address))
        return missingToken();
    ctx->domainName = address.domainName;
    ctx->stagePath = address.path;
    ctx->api = ctx->config ? ctx->config->api(address.apiId) : nullptr;
    if (!ctx->api)
        return missingToken();
    ctx->stage = ctx->api->stages.value(address.stage);
    if (!ctx->stage || !ctx->stage->deployment)
        return missingToken();
    ctx->deployment = ctx->stage->deployment;
    ctx->stageVariables = ctx->stage->variables;
    if (ctx->stage->canary && ctx->stage->canary->percentTraffic > 0.0) {
        const double draw = QRandomGenerator::global()->generateDouble() * 100.0;
        if (draw < ctx->stage->canary->percentTraffic) {
            ctx->isCanaryRequest = true;
            ctx->deployment = ctx->stage->canary->deployment;
            ctx->stageVariables = ctx->stage->canary->variables;
        }
    }
    ctx->query = parseQueryString(ctx->request.rawQuery());

    const auto match = ctx->deployment->router.match(address.path);
    if (!match)
        return missingToken();
    ctx->resource = match->resource;
    ctx->method = ctx->resource->method(ctx->httpMethod());
    if (!ctx->method)
        return missingToken();
    ctx->pathParameters = match->pathParameters;

    const QString phase = QLatin1String(name());
    ctx->log(phase, QStringLiteral("Extended Request Id: %1").arg(ctx->extendedRequestId));
    ctx->log(phase, QStringLiteral("Starting execution for request: %1").arg(ctx->requestId));
    ctx->log(phase, QStringLiteral("HTTP Method: %1, Resource Path: %2").arg(ctx->httpMethod(), ctx->resourcePath()));
    if (ctx->isCanaryRequest)
        ctx->log(phase, QStringLiteral("Canary request: deployment %1").arg(ctx->deployment->id));
    if (ctx->trace.enabled()) {
        ctx->log(phase, QStringLiteral("Method request path: %1").arg(gw::javaMapString(ctx->pathParameters)));
        ctx->log(phase, QStringLiteral("Method request query string: %1").arg(gw::javaMapString(ctx->query)));
        ctx->log(phase, QStringLiteral("Method request headers: %1").arg(ctx->traceHeaders(ctx->request.headers)));
        ctx->log(phase, QStringLiteral("Method request body before transformations: %1").arg(ctx->traceBody(ctx->request.body)));
    }
    return PhaseResult::Continue;
}

} // namespace gw::pipeline
