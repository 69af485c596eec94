#include "integratephase.h"

namespace gw::pipeline {

void IntegratePhase::add(model::IntegrationType type, std::unique_ptr<Integrator> integrator)
{
    m_integrators[type] = std::move(integrator);
}

PhaseResult IntegratePhase::onRequest(const std::shared_ptr<RequestContext> &ctx, const Resume &resume)
{
    const auto type = ctx->method->method.integration->type;
    const auto it = m_integrators.find(type);
    if (it == m_integrators.end()) {
        ctx->fail({QStringLiteral("API_CONFIGURATION_ERROR"), QStringLiteral("Internal server error"), false,
                   QStringLiteral("Execution failed due to configuration error: integration type %1 is not supported yet")
                       .arg(model::toString(type))});
        return PhaseResult::Respond;
    }
    const qint64 started = ctx->elapsedUs();
    std::weak_ptr<RequestContext> weak = ctx;
    Resume timed = [weak, started, resume](PhaseResult r) {
        if (auto c = weak.lock())
            c->integrationLatencyMs = (c->elapsedUs() - started) / 1000;
        resume(r);
    };
    const PhaseResult r = it->second->invoke(ctx, timed);
    if (r != PhaseResult::Suspend)
        ctx->integrationLatencyMs = (ctx->elapsedUs() - started) / 1000;
    return r;
}

void IntegratePhase::onResponse(RequestContext &ctx)
{
    // The client is gone or the request failed elsewhere: stop the call still in flight.
    if (ctx.cancelIntegration) {
        auto cancel = std::move(ctx.cancelIntegration);
        cancel();
    }
}

} // namespace gw::pipeline
