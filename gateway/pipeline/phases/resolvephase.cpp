#include "resolvephase.h"

#include "gateway/observe/secretmask.h"

#include "gateway/core/jsonutil.h"

#include <QRandomGenerator>

namespace gw::pipeline {

bool parseStageAddress(const QByteArray &host, const QByteArray &rawPath, StageAddress *out)
{
    // Views into the request, not copies: this runs on every request.
    static constexpr QByteArrayView restapis("/restapis/");
    static constexpr QByteArrayView userRequest("/_user_request_");
    const QByteArrayView raw(rawPath);
    if (raw.startsWith(restapis)) {
        // /restapis/{apiId}/{stage}/_user_request_/{path}
        const qsizetype idEnd = raw.indexOf('/', restapis.size());
        if (idEnd < 0)
            return false;
        const qsizetype stageEnd = raw.indexOf('/', idEnd + 1);
        if (stageEnd < 0 || !raw.sliced(stageEnd).startsWith(userRequest))
            return false;
        const qsizetype rest = stageEnd + userRequest.size();
        if (rest < raw.size() && raw[rest] != '/')
            return false;
        out->apiId = QString::fromLatin1(raw.sliced(restapis.size(), idEnd - restapis.size())).toLower();
        out->stage = QString::fromUtf8(raw.sliced(idEnd + 1, stageEnd - idEnd - 1));
        out->path = rest < raw.size() ? QString::fromUtf8(raw.sliced(rest)) : QStringLiteral("/");
        out->rawPath = out->path;
        while (out->path.startsWith(QLatin1String("//")))
            out->path.remove(0, 1);
        return true; // domainName stays empty: $context derives it from the API id when asked
    }
    static const QByteArray suffix(".execute-api.localhost");
    const qsizetype at = host.indexOf(suffix);
    if (at <= 0)
        return false;
    out->apiId = QString::fromLatin1(host.left(at)).toLower();
    out->domainName = QString::fromLatin1(host);
    // /{stage}/{path}; API Gateway drops extra slashes in front of the stage and of the path.
    qsizetype begin = 0;
    while (begin + 1 < rawPath.size() && rawPath[begin + 1] == '/')
        ++begin;
    const qsizetype slash = rawPath.indexOf('/', begin + 1);
    out->stage = QString::fromUtf8(slash < 0 ? rawPath.mid(begin + 1) : rawPath.mid(begin + 1, slash - begin - 1));
    out->path = slash < 0 ? QStringLiteral("/") : QString::fromUtf8(rawPath.mid(slash));
    out->rawPath = out->path;
    while (out->path.startsWith(QLatin1String("//")))
        out->path.remove(0, 1);
    // An empty stage ("GET /") is still an address: an HTTP API's $default stage serves "/" there.
    return true;
}


PhaseResult ResolvePhase::onRequest(const std::shared_ptr<RequestContext> &ctx, const Resume &)
{
    StageAddress address;
    const auto missingToken = [&]() {
        ctx->fail({QStringLiteral("MISSING_AUTHENTICATION_TOKEN"), QStringLiteral("Missing Authentication Token"), false, {}});
        return PhaseResult::Respond;
    };
    const QByteArray rawPath = ctx->request.rawPath();
    const QByteArray host = rawPath.startsWith("/restapis/") ? QByteArray() : ctx->request.host();
    if (!parseStageAddress(host, rawPath, &address))
        return missingToken();
    ctx->domainName = address.domainName;
    ctx->stagePath = address.path;
    ctx->rawStagePath = address.rawPath;
    ctx->api = ctx->config ? ctx->config->apis.value(address.apiId) : nullptr; // apiId is lower case already
    if (!ctx->api)
        return missingToken();
    const bool httpApi = ctx->api->type == model::ApiType::Http;
    ctx->stage = ctx->api->stages.value(address.stage);
    if (!ctx->stage && httpApi) {
        // HTTP APIs serve their $default stage at the root: the first segment is part of the path.
        ctx->stage = ctx->api->stages.value(QStringLiteral("$default"));
        if (address.stage != QLatin1String("$default"))
            address.path = address.path == QLatin1String("/") ? QString(QLatin1Char('/') + address.stage)
                                                              : QString(QLatin1Char('/') + address.stage + address.path);
        ctx->stagePath = address.path;
        ctx->rawStagePath = address.path;
    }
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
    // HTTP APIs with CORS configured answer preflights themselves, route or not (reference §9.2).
    if (httpApi && ctx->deployment->cors && traffic::HttpCorsPolicy::isPreflight(ctx->request)) {
        ctx->response = ctx->deployment->cors->preflight(ctx->request);
        return PhaseResult::Respond;
    }

    const auto match = ctx->deployment->router.match(address.path);
    if (match) {
        ctx->resource = match->resource;
        ctx->method = ctx->resource->method(ctx->httpMethod());
        ctx->pathParameters = match->pathParameters;
    }
    if (!ctx->method && httpApi && ctx->deployment->defaultRoute) {
        // HTTP APIs: $default catches whatever no route matches.
        ctx->resource = ctx->deployment->defaultRoute.get();
        ctx->method = ctx->resource->method(QStringLiteral("ANY"));
        ctx->pathParameters.clear();
    }
    if (!ctx->method)
        return missingToken();

    if (ctx->tracing()) {
        static const QString phase = QStringLiteral("resolve");
        ctx->log(phase, QStringLiteral("Extended Request Id: %1").arg(ctx->extendedRequestId));
        ctx->log(phase, QStringLiteral("Starting execution for request: %1").arg(ctx->requestId));
        ctx->log(phase, QStringLiteral("HTTP Method: %1, Resource Path: %2").arg(ctx->httpMethod(), ctx->resourcePath()));
        if (ctx->isCanaryRequest)
            ctx->log(phase, QStringLiteral("Canary request: deployment %1").arg(ctx->deployment->id));
        ctx->log(phase, QStringLiteral("Method request path: %1").arg(gw::javaMapString(ctx->pathParameters)));
        QList<QPair<QString, QString>> query = ctx->query;
        for (auto &q : query)
            if (observe::isSecretQueryParameter(q.first.toLatin1()))
                q.second = QString::fromUtf8(observe::maskSecret(q.second.toUtf8()));
        ctx->log(phase, QStringLiteral("Method request query string: %1").arg(gw::javaMapString(query)));
        ctx->log(phase, QStringLiteral("Method request headers: %1").arg(ctx->traceHeaders(ctx->request.headers)));
        ctx->log(phase, QStringLiteral("Method request body before transformations: %1").arg(ctx->traceBody(ctx->request.body)));
    }
    return PhaseResult::Continue;
}

} // namespace gw::pipeline
