#include "quotaphase.h"

#include "gateway/apikeys/apikeytable.h"
#include "gateway/apikeys/apikeyvalue.h"
#include "gateway/apikeys/quotaledger.h"

namespace gw::pipeline {

static const QString kPhase = QStringLiteral("quota");

PhaseResult QuotaPhase::onRequest(const std::shared_ptr<RequestContext> &ctx, const Resume &)
{
    if (ctx->apiKeyId.isEmpty() || ctx->usagePlanId.isEmpty() || !ctx->config || !ctx->config->apiKeys)
        return PhaseResult::Continue;
    const apikeys::CompiledUsagePlan *plan = ctx->config->apiKeys->plan(ctx->usagePlanId);
    const apikeys::ApiKeyEntry *key = ctx->config->apiKeys->findById(ctx->apiKeyId);
    if (!plan || !key)
        return PhaseResult::Continue;
    // The trace names the key as the API-key phase did: masked.
    const QString masked = apikeys::maskApiKey(QString::fromUtf8(key->value));
    const QString apiStage = ctx->api->id + QLatin1Char('/') + ctx->stage->name;
    if (plan->quota && ctx->config->quotas) {
        const auto outcome = ctx->config->quotas->consume(plan->id, key->id, *plan->quota, ctx->requestTime);
        if (!outcome.allowed) {
            if (ctx->tracing())
                ctx->log(kPhase, QStringLiteral("Usage Plan check failed for API Key %1 and API Stage %2: Key quota exhausted for "
                                                "Usage Plan ID %3. Limit: %4 Period: %5")
                                     .arg(masked, apiStage, plan->id)
                                     .arg(plan->quota->limit)
                                     .arg(plan->quota->period));
            ctx->fail({QStringLiteral("QUOTA_EXCEEDED"), QStringLiteral("Limit Exceeded"), false, {}});
            return PhaseResult::Respond;
        }
    }
    if (ctx->tracing())
        ctx->log(kPhase, QStringLiteral("Usage Plan check succeeded for API Key %1 and API Stage %2").arg(masked, apiStage));
    return PhaseResult::Continue;
}

} // namespace gw::pipeline
