#pragma once

#include "gateway/pipeline/phase.h"

namespace gw::pipeline {

// The usage plan's quota (reference §1 step 9, §5.8), for requests the API-key phase admitted
// (ctx->apiKeyId and ctx->usagePlanId set): counts the request in the plan's period, 429
// QUOTA_EXCEEDED {"message":"Limit Exceeded"} once the quota is spent. It runs after the
// usage-plan throttle, as AWS checks the per-key throttle before the quota, so a throttled
// request uses no quota.
class QuotaPhase final : public Phase
{
public:
    const char *name() const override { return "quota"; }
    PhaseResult onRequest(const std::shared_ptr<RequestContext> &ctx, const Resume &) override;
};

} // namespace gw::pipeline
