#include "apikeyphase.h"

#include "gateway/apikeys/apikeytable.h"
#include "gateway/apikeys/apikeyvalue.h"

namespace gw::pipeline {

static const QString kPhase = QStringLiteral("apikey");

static PhaseResult forbidden(RequestContext &ctx, const QString &maskedKey, const QString &apiStage, const QString &why)
{
    if (ctx.tracing())
        ctx.log(kPhase, QStringLiteral("API Key %1 not authorized because method '%2 %3' requires API Key and API Key is not "
                                       "associated with a Usage Plan for API Stage %4: %5")
                            .arg(maskedKey, ctx.httpMethod(), ctx.resourcePath(), apiStage, why));
    // The decision is already one trace line: no separate "Execution failed" line.
    ctx.fail({QStringLiteral("INVALID_API_KEY"), QStringLiteral("Forbidden"), false, {}});
    return PhaseResult::Respond;
}

PhaseResult ApiKeyPhase::onRequest(const std::shared_ptr<RequestContext> &ctx, const Resume &)
{
    if (!ctx->method || !ctx->api || !ctx->stage || !ctx->deployment || ctx->api->type != model::ApiType::Rest)
        return PhaseResult::Continue;
    const bool required = ctx->method->method.apiKeyRequired;
    if (!required && !ctx->tracing())
        return PhaseResult::Continue; // nothing to check and nothing to say: the common case, kept cheap
    const bool fromAuthorizer = ctx->deployment->definition.apiKeySource == QLatin1String("AUTHORIZER");
    const QString value = fromAuthorizer ? (ctx->authorizer ? ctx->authorizer->usageIdentifierKey : QString())
                                         : QString::fromUtf8(ctx->request.headers.value("x-api-key"));
    const QString masked = value.isEmpty() ? QString() : apikeys::maskApiKey(value);
    const QString apiStage = ctx->api->id + QLatin1Char('/') + ctx->stage->name;
    if (!required) {
        if (!value.isEmpty() && ctx->tracing())
            ctx->log(kPhase, QStringLiteral("API Key %1 authorized because method '%2 %3' does not require API Key. Request will "
                                            "not contribute to throttle or quota limits")
                                 .arg(masked, ctx->httpMethod(), ctx->resourcePath()));
        return PhaseResult::Continue;
    }
    if (ctx->tracing())
        ctx->log(kPhase, QStringLiteral("Verifying Usage Plan for request: %1. API Key: %2 API Stage: %3")
                             .arg(ctx->requestId, masked, apiStage));
    const auto &table = ctx->config ? ctx->config->apiKeys : nullptr;
    if (value.isEmpty())
        return forbidden(*ctx, masked, apiStage,
                         fromAuthorizer ? QStringLiteral("the authorizer returned no usageIdentifierKey")
                                        : QStringLiteral("no API Key in the x-api-key header"));
    const apikeys::ApiKeyEntry *key = table ? table->findByValue(value) : nullptr;
    if (!key)
        return forbidden(*ctx, masked, apiStage, QStringLiteral("Invalid API Key identifier specified"));
    if (!key->enabled)
        return forbidden(*ctx, masked, apiStage, QStringLiteral("API Key %1 is disabled").arg(key->id));
    const apikeys::CompiledUsagePlan *plan = table->planFor(key->id, ctx->api->id, ctx->stage->name);
    if (!plan)
        return forbidden(*ctx, masked, apiStage, QStringLiteral("no Usage Plan of API Key %1 is attached to this stage").arg(key->id));

    // The quota phase counts the request (after the usage-plan throttle) and logs the outcome.
    ctx->apiKeyId = key->id;
    ctx->usagePlanId = plan->id;
    return PhaseResult::Continue;
}

} // namespace gw::pipeline
