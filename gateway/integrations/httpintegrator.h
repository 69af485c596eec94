#pragma once

#include "gateway/pipeline/endpoint.h"
#include "gateway/pipeline/integrator.h"

namespace gw::integrations {

// HTTP and HTTP_PROXY: sends the endpoint request through the thread's upstream client and maps
// transport failures to API Gateway's answers (reference §3.5): timeout → 504 INTEGRATION_TIMEOUT;
// invalid or unresolvable endpoint and refused connections → 500 API_CONFIGURATION_ERROR (as
// LocalStack answers; AWS's own code is unverified); other network/TLS errors → 504 INTEGRATION_FAILURE.
class HttpIntegrator final : public pipeline::Integrator
{
public:
    explicit HttpIntegrator(pipeline::UpstreamTransport *transport) : m_transport(transport) {}
    pipeline::PhaseResult invoke(const std::shared_ptr<pipeline::RequestContext> &ctx,
                                 const pipeline::Phase::Resume &resume) override;

    static void applyTransportError(pipeline::RequestContext &ctx);

private:
    pipeline::UpstreamTransport *m_transport;
};

} // namespace gw::integrations
