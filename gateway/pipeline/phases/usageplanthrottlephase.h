#pragma once

#include "gateway/pipeline/phase.h"
#include "gateway/traffic/trafficstate.h"

namespace gw::pipeline {

// A usage plan's per-key throttle (reference §1 step 9, §5.8): runs after the API-key phase has
// set ctx->apiKeyId and ctx->usagePlanId; requests without a key (methods that do not require one)
// do not count. The plan's per-method limit replaces its per-key limit for that method.
class UsagePlanThrottlePhase final : public Phase
{
public:
    explicit UsagePlanThrottlePhase(std::shared_ptr<traffic::TrafficState> state) : m_state(std::move(state)) {}
    const char *name() const override { return "usage plan throttle"; }
    PhaseResult onRequest(const std::shared_ptr<RequestContext> &ctx, const Resume &resume) override;

private:
    std::shared_ptr<traffic::TrafficState> m_state;
};

} // namespace gw::pipeline
