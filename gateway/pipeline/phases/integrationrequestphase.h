#pragma once

#include "gateway/pipeline/phase.h"
#include "gateway/pipeline/templaterenderer.h"

namespace gw::pipeline {

// Builds the endpoint request: parameter mappings, template selection (passthrough rules),
// the integration URI with {param} and ${stageVariables.x} filled in, and the header fix-ups
// API Gateway makes (hop-by-hop headers dropped, X-Forwarded-For for HTTP_PROXY).
class IntegrationRequestPhase final : public Phase
{
public:
    explicit IntegrationRequestPhase(TemplateRenderer renderer = {}) : m_renderer(std::move(renderer)) {}
    const char *name() const override { return "integration-request"; }
    PhaseResult onRequest(const std::shared_ptr<RequestContext> &ctx, const Resume &) override;

private:
    TemplateRenderer m_renderer;
};

// The MIME type of a Content-Type header value without parameters, lower case;
// application/json when absent (as API Gateway assumes).
QString mimeType(const QByteArray &contentType);

} // namespace gw::pipeline
