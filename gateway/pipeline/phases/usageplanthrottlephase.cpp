#include "usageplanthrottlephase.h"

#include "throttlephase.h"

namespace gw::pipeline {

PhaseResult UsagePlanThrottlePhase::onRequest(const std::shared_ptr<RequestContext> &ctx, const Resume &)
{
    if (ctx->apiKeyId.isEmpty() || ctx->usagePlanId.isEmpty() || !ctx->config->planThrottles)
        return PhaseResult::Continue;
    const auto applicable = ctx->config->planThrottles->applicable(ctx->usagePlanId, ctx->apiKeyId, ctx->api->id,
                                                                   ctx->stage->name, ctx->resourcePath(), ctx->httpMethod());
    if (applicable.limits.unlimited())
        return PhaseResult::Continue;
    if (!m_state->throttles.tryTake(applicable.bucket, applicable.limits))
        return failThrottled(*ctx, QStringLiteral("Key throttle limit exceeded for Usage Plan ID %1. Limit: %2 Burst: %3%4")
                                       .arg(ctx->usagePlanId)
                                       .arg(applicable.limits.rate, 0, 'f', 2)
                                       .arg(applicable.limits.burst)
                                       .arg(applicable.perMethod ? QStringLiteral(" (method %1 %2)").arg(ctx->httpMethod(), ctx->resourcePath())
                                                                 : QString()));
    return PhaseResult::Continue;
}

} // namespace gw::pipeline
