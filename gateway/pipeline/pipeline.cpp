#include "pipeline.h"

#include "gatewayresponses.h"

#include <exception>

namespace gw::pipeline {

Pipeline::Pipeline(std::vector<std::unique_ptr<Phase>> phases) : m_phases(std::move(phases)) {}

void Pipeline::run(const std::shared_ptr<RequestContext> &ctx) const
{
    ctx->phaseIndex = 0;
    advance(ctx, PhaseResult::Continue);
}

void Pipeline::advance(const std::shared_ptr<RequestContext> &ctx, PhaseResult result) const
{
    // One resume function for the phases this call runs (not one per phase: each is an allocation).
    std::weak_ptr<RequestContext> weak = ctx;
    const Phase::Resume resume = [this, weak](PhaseResult r) {
        if (auto c = weak.lock(); c && !c->finished)
            advance(c, r);
    };
    while (result == PhaseResult::Continue && ctx->phaseIndex < int(m_phases.size())) {
        const int index = ctx->phaseIndex++;
        Phase *phase = m_phases[size_t(index)].get();
        ctx->lastPhaseRun = index;
        try {
            result = phase->onRequest(ctx, resume);
        } catch (const std::exception &e) {
            ctx->fail({QStringLiteral("DEFAULT_5XX"), QStringLiteral("Internal server error"), false,
                       QStringLiteral("Execution failed due to an internal error in phase %1: %2")
                           .arg(QLatin1String(phase->name()), QString::fromUtf8(e.what()))});
            result = PhaseResult::Respond;
        } catch (...) {
            ctx->fail({QStringLiteral("DEFAULT_5XX"), QStringLiteral("Internal server error"), false,
                       QStringLiteral("Execution failed due to an internal error in phase %1").arg(QLatin1String(phase->name()))});
            result = PhaseResult::Respond;
        }
        if (result == PhaseResult::Suspend)
            return;
    }
    finish(ctx);
}

// REST APIs answer with the request's trace header after an AWS, AWS_PROXY or HTTP integration
// answered; MOCK, HTTP_PROXY (whose upstream's own headers pass through) and gateway errors carry
// none (reference §0, recorded).
static bool answersWithTraceHeader(const RequestContext &ctx)
{
    if (ctx.error || ctx.traceHeader.isEmpty() || !ctx.method || !ctx.method->method.integration)
        return false;
    const auto type = ctx.method->method.integration->type;
    return type == model::IntegrationType::Aws || type == model::IntegrationType::AwsProxy || type == model::IntegrationType::Http;
}

void Pipeline::finish(const std::shared_ptr<RequestContext> &ctx) const
{
    if (ctx->finished)
        return;
    ctx->finished = true;
    if (ctx->error)
        applyGatewayResponse(*ctx);
    for (int i = ctx->lastPhaseRun; i >= 0; --i) {
        try {
            m_phases[size_t(i)]->onResponse(*ctx);
        } catch (...) {
            // A failing response hook must not lose the response; the trace says what happened.
            ctx->log(QLatin1String(m_phases[size_t(i)]->name()), QStringLiteral("response hook failed"));
        }
    }
    if (ctx->api && ctx->api->type == model::ApiType::Http) {
        ctx->response.headers.set(QByteArrayLiteral("apigw-requestid"), ctx->extendedRequestId.toLatin1());
    } else {
        ctx->response.headers.set(QByteArrayLiteral("x-amzn-RequestId"), ctx->requestId.toLatin1());
        ctx->response.headers.set(QByteArrayLiteral("x-amz-apigw-id"), ctx->extendedRequestId.toLatin1());
        if (answersWithTraceHeader(*ctx))
            ctx->response.headers.set(QByteArrayLiteral("X-Amzn-Trace-Id"), ctx->traceHeader.toLatin1());
    }
    if (ctx->tracing())
        ctx->log(QStringLiteral("response"), QStringLiteral("Method completed with status: %1").arg(ctx->response.status));
    if (ctx->done) {
        auto done = std::move(ctx->done);
        done(ctx->response);
    }
}

} // namespace gw::pipeline
