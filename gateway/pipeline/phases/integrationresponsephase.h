#pragma once

#include "gateway/pipeline/phase.h"
#include "gateway/pipeline/templaterenderer.h"

namespace gw::pipeline {

// Turns the endpoint response into the method response. Proxy integrations return it nearly
// verbatim (reference §1.3); the others select an integration response by selectionPattern
// against the status code, apply its response parameters and template (by Accept).
class IntegrationResponsePhase final : public Phase
{
public:
    explicit IntegrationResponsePhase(TemplateRenderer renderer = {}) : m_renderer(std::move(renderer)) {}
    const char *name() const override { return "integration-response"; }
    PhaseResult onRequest(const std::shared_ptr<RequestContext> &ctx, const Resume &) override;

private:
    PhaseResult proxyResponse(RequestContext &ctx);
    TemplateRenderer m_renderer;
};

} // namespace gw::pipeline
