#include "lambdaintegrator.h"

#include "lambdafunctionuri.h"
#include "lambdaproxyevent.h"
#include "lambdaproxyeventv2.h"
#include "lambdaproxyresponse.h"
#include "proxyeventmask.h"

#include "gateway/core/jsonutil.h"

#include <QJsonDocument>
#include <QTimer>

namespace gw::integrations {

using functions::FunctionResult;
using pipeline::GatewayError;
using pipeline::PhaseResult;

namespace {

const QString kPhase = QStringLiteral("integration");

GatewayError configurationError(const QString &detail)
{
    return {QStringLiteral("API_CONFIGURATION_ERROR"), QStringLiteral("Internal server error"), false,
            QStringLiteral("Execution failed due to configuration error: %1").arg(detail)};
}

GatewayError proxyFailure(const QString &logLine)
{
    return {QStringLiteral("DEFAULT_5XX"), QStringLiteral("Internal server error"), false, logLine, 502};
}

// Shared between the invocation's callback and its integration-timeout timer: whichever comes
// first finishes the request. Lives on the engine thread.
struct PendingInvocation
{
    bool finished = false;
    QTimer timer;
    functions::FunctionRuntime::Cancel cancel;
};

} // namespace

// HTTP APIs speak payload 2.0 unless the integration asks for 1.0; REST APIs always 1.0.
static bool usesPayloadV2(const pipeline::RequestContext &ctx)
{
    return ctx.api && ctx.api->type == model::ApiType::Http
           && ctx.method->method.integration->payloadFormatVersion != QLatin1String("1.0");
}

PhaseResult LambdaIntegrator::invoke(const std::shared_ptr<pipeline::RequestContext> &ctx, const pipeline::Phase::Resume &resume)
{
    const model::Integration &integration = *ctx->method->method.integration;
    const bool proxy = integration.type == model::IntegrationType::AwsProxy;
    if (proxy && !integration.httpMethod.isEmpty() && integration.httpMethod != QLatin1String("POST")) {
        ctx->fail(configurationError(QStringLiteral("AWS_PROXY integrations must use the POST method to invoke Lambda")));
        return PhaseResult::Respond;
    }
    const QString uri = ctx->integrationArn.isEmpty() ? integration.uri : ctx->integrationArn;
    const QString name = lambdaFunctionName(uri);
    const model::Function *function = ctx->config ? ctx->config->function(name) : nullptr;
    if (!function) {
        ctx->fail(configurationError(QStringLiteral("Function not found: %1 (from %2)").arg(name.isEmpty() ? QStringLiteral("?") : name, uri)));
        return PhaseResult::Respond;
    }
    QByteArray event;
    QJsonObject proxyEvent;
    if (proxy) {
        proxyEvent = usesPayloadV2(*ctx) ? lambdaProxyEventV2(*ctx) : lambdaProxyEvent(*ctx);
        event = gw::toCompactJson(proxyEvent);
    } else {
        event = ctx->endpointRequest.body.trimmed().isEmpty() ? QByteArray("{}") : ctx->endpointRequest.body;
        QJsonParseError parseError;
        QJsonDocument::fromJson("[" + event + "]", &parseError);
        if (parseError.error != QJsonParseError::NoError) {
            ctx->fail(configurationError(QStringLiteral("Could not parse request body into json: %1").arg(parseError.errorString())));
            return PhaseResult::Respond;
        }
    }
    functions::InvokeOptions options;
    options.traceHeader = ctx->traceHeader;
    options.asynchronous = !proxy && ctx->endpointRequest.headers.value("x-amz-invocation-type").compare("Event", Qt::CaseInsensitive) == 0;
    if (ctx->tracing()) {
        const QString endpoint = QStringLiteral("lambda:%1 (%2 runtime%3)")
                                     .arg(function->name, function->runtime,
                                          function->runtime == QLatin1String("endpoint") ? QStringLiteral(" at ") + function->endpointUrl : QString());
        ctx->log(kPhase, QStringLiteral("Endpoint request URI: %1").arg(endpoint));
        const QByteArray shown = proxy ? gw::toCompactJson(proxyEventForTrace(proxyEvent, ctx->secretHeaders)) : event;
        ctx->log(kPhase, QStringLiteral("Endpoint request body after transformations: %1").arg(ctx->traceBody(shown)));
        ctx->log(kPhase, QStringLiteral("Sending request to %1").arg(endpoint));
    }

    auto pending = std::make_shared<PendingInvocation>();
    // The callbacks keep the request alive while the function runs (the pipeline holds it only
    // through them); the cycle through ctx->cancelIntegration ends when either callback runs.
    auto finishWith = [c = ctx, pending, resume, proxy](const FunctionResult *result) {
        if (pending->finished)
            return;
        pending->finished = true;
        pending->timer.stop();
        QObject::disconnect(&pending->timer, nullptr, nullptr, nullptr);  // the slot holds `pending` and c
        c->cancelIntegration = nullptr;
        if (!result) {
            if (pending->cancel)
                pending->cancel();
            c->fail({QStringLiteral("INTEGRATION_TIMEOUT"), QStringLiteral("Endpoint request timed out"), false,
                     QStringLiteral("Execution failed due to a timeout error")});
            resume(PhaseResult::Respond);
            return;
        }
        resume(complete(*c, *result, proxy));
    };
    pending->timer.setSingleShot(true);
    QObject::connect(&pending->timer, &QTimer::timeout, [finishWith] { finishWith(nullptr); });
    pending->timer.start(qMax(50, integration.timeoutInMillis));
    pending->cancel = m_runtime->invoke(function, event, options, [finishWith](FunctionResult r) { finishWith(&r); });
    ctx->cancelIntegration = [pending] {
        pending->finished = true;
        pending->timer.stop();
        QObject::disconnect(&pending->timer, nullptr, nullptr, nullptr);
        if (pending->cancel)
            pending->cancel();
    };
    return PhaseResult::Suspend;
}

PhaseResult LambdaIntegrator::complete(pipeline::RequestContext &ctx, const FunctionResult &result, bool proxy)
{
    if (ctx.tracing())
        for (const QString &line : result.logs)
            ctx.log(QStringLiteral("function"), line);
    if (result.invokeError != FunctionResult::InvokeError::None) {
        ctx.fail(configurationError(QStringLiteral("Lambda invocation failed: %1").arg(result.invokeErrorMessage)));
        return PhaseResult::Respond;
    }
    // What Lambda's Invoke API answered: the endpoint response of the execution log.
    pipeline::EndpointResult &answer = ctx.endpointResult;
    answer = {};
    answer.status = result.payload.isEmpty() && !result.functionError ? 202 : 200;
    answer.headers.append("Content-Type", "application/json");
    answer.headers.append("X-Amz-Executed-Version", "$LATEST");
    if (result.functionError)
        answer.headers.append("X-Amz-Function-Error", "Unhandled");
    answer.body = result.payload;
    if (!proxy) {
        ctx.selectionValue = result.functionError ? result.errorMessage : QString();
        return PhaseResult::Continue;
    }
    if (ctx.tracing()) {
        ctx.log(kPhase, QStringLiteral("Received response. Status: %1, Integration latency: %2 ms").arg(answer.status).arg(result.durationMs));
        ctx.log(kPhase, QStringLiteral("Endpoint response body before transformations: %1").arg(ctx.traceBody(answer.body)));
    }
    if (result.functionError) {
        ctx.fail(proxyFailure(QStringLiteral("Lambda execution failed with status 200 due to customer function error: %1.")
                                  .arg(result.errorMessage)));
        return PhaseResult::Respond;
    }
    QByteArray accept = ctx.request.headers.value("accept");
    const auto parsed = usesPayloadV2(ctx) ? parseLambdaProxyResponseV2(result.payload)
                                           : parseLambdaProxyResponse(result.payload, accept, ctx.deployment->definition.binaryMediaTypes);
    if (!parsed) {
        ctx.fail(proxyFailure(QStringLiteral("Execution failed due to configuration error: Malformed Lambda proxy response")));
        return PhaseResult::Respond;
    }
    ctx.response = *parsed;
    return PhaseResult::Continue;
}

} // namespace gw::integrations
