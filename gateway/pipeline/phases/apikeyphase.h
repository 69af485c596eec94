#pragma once

#include "gateway/pipeline/phase.h"

namespace gw::pipeline {

// API keys and usage-plan quotas (reference §1 step 8–9, §5.8). For a REST method with
// apiKeyRequired: the key (x-api-key header, or the authorizer's usageIdentifierKey when the API's
// apiKeySource is AUTHORIZER) must exist, be enabled and belong to a usage plan attached to this
// API stage, else 403 INVALID_API_KEY; a plan with a quota counts the request, 429
// QUOTA_EXCEEDED once the period's quota is spent. Sets ctx->apiKeyId and ctx->usagePlanId.
// The key's value is never stored in the context nor written in clear to the trace.
class ApiKeyPhase final : public Phase
{
public:
    const char *name() const override { return "apikey"; }
    PhaseResult onRequest(const std::shared_ptr<RequestContext> &ctx, const Resume &) override;
};

} // namespace gw::pipeline
