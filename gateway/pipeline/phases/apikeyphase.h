#pragma once

#include "gateway/pipeline/phase.h"

namespace gw::pipeline {

// API keys (reference §1 step 8, §5.8). For a REST method with apiKeyRequired: the key
// (x-api-key header, or the authorizer's usageIdentifierKey when the API's apiKeySource is
// AUTHORIZER) must exist, be enabled and belong to a usage plan attached to this API stage, else
// 403 INVALID_API_KEY. Sets ctx->apiKeyId and ctx->usagePlanId for the usage-plan throttle and
// the quota phase (quotaphase.h).
// The key's value is never stored in the context nor written in clear to the trace.
class ApiKeyPhase final : public Phase
{
public:
    const char *name() const override { return "apikey"; }
    PhaseResult onRequest(const std::shared_ptr<RequestContext> &ctx, const Resume &) override;
};

} // namespace gw::pipeline
