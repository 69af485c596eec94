#pragma once

#include "gateway/pipeline/phase.h"
#include "gateway/traffic/trafficstate.h"

namespace gw::pipeline {

// Stage, method and account throttling (reference §1 step 4, §7): the method's bucket (its
// methodSettings limits, or the stage default's, one bucket per method) and then the account's;
// an empty bucket answers 429 THROTTLED. Buckets live in the engine's shared TrafficState.
class ThrottlePhase final : public Phase
{
public:
    explicit ThrottlePhase(std::shared_ptr<traffic::TrafficState> state) : m_state(std::move(state)) {}
    const char *name() const override { return "throttle"; }
    PhaseResult onRequest(const std::shared_ptr<RequestContext> &ctx, const Resume &resume) override;

private:
    std::shared_ptr<traffic::TrafficState> m_state;
};

// The one THROTTLED failure of every throttle level: `why` goes to the trace.
PhaseResult failThrottled(RequestContext &ctx, const QString &why);

} // namespace gw::pipeline
