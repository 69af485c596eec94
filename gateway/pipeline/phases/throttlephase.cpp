#include "throttlephase.h"

namespace gw::pipeline {

static const QString kAccountBucket = QStringLiteral("account");

PhaseResult failThrottled(RequestContext &ctx, const QString &why)
{
    ctx.fail({QStringLiteral("THROTTLED"), QStringLiteral("Too Many Requests"), false, why});
    return PhaseResult::Respond;
}

static QString describe(const traffic::ThrottleLimits &l)
{
    return QStringLiteral("Limit: %1 Burst: %2").arg(l.rate, 0, 'f', 2).arg(l.burst);
}

PhaseResult ThrottlePhase::onRequest(const std::shared_ptr<RequestContext> &ctx, const Resume &)
{
    // Most specific first: a request the method's bucket refuses takes no account token.
    if (const traffic::MethodTraffic *mt = ctx->stage->methodTraffic(ctx->method); mt && !mt->throttle.unlimited()) {
        if (!m_state->throttles.tryTake(mt->throttleBucket, mt->throttle))
            return failThrottled(*ctx, QStringLiteral("Method throttle limit exceeded for %1 %2 on stage %3. %4")
                                           .arg(ctx->httpMethod(), ctx->resourcePath(), ctx->stage->name, describe(mt->throttle)));
    }
    const traffic::ThrottleLimits &account = ctx->config->accountThrottle;
    if (!m_state->throttles.tryTake(kAccountBucket, account))
        return failThrottled(*ctx, QStringLiteral("Account throttle limit exceeded. %1").arg(describe(account)));
    return PhaseResult::Continue;
}

} // namespace gw::pipeline
