#pragma once

#include "gateway/pipeline/integrator.h"

#include <map>
#include <memory>

namespace gw::pipeline {

// Hands the endpoint request to the integrator registered for the method's integration type and
// records the integration latency.
class IntegratePhase final : public Phase
{
public:
    void add(model::IntegrationType type, std::unique_ptr<Integrator> integrator);
    const char *name() const override { return "integration"; }
    PhaseResult onRequest(const std::shared_ptr<RequestContext> &ctx, const Resume &resume) override;
    void onResponse(RequestContext &ctx) override;

private:
    std::map<model::IntegrationType, std::unique_ptr<Integrator>> m_integrators;
};

} // namespace gw::pipeline
