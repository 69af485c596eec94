#pragma once

#include "gateway/pipeline/endpoint.h"
#include "gateway/pipeline/integrator.h"

namespace gw::integrations {

// AWS service integrations (type AWS, any service but Lambda; reference §3.6): the ARN and the
// mapped request go through the deployed config's ServiceRequestBuilder (SigV4 with the
// credentials resolved at deploy time, the project's endpoint per service), the signed request
// through the thread's upstream transport, and the answer through ServiceResponseMapper into
// ctx->endpointResult for the usual status-code selection. Service errors (DynamoDB's 400 with
// __type) are integration responses too; no answer, a refused connection, missing credentials or
// a bad ARN become gateway responses. Signatures and tokens never reach the trace in clear.
// One instance per engine thread.
class AwsServiceIntegrator final : public pipeline::Integrator
{
public:
    explicit AwsServiceIntegrator(pipeline::UpstreamTransport *transport) : m_transport(transport) {}
    pipeline::PhaseResult invoke(const std::shared_ptr<pipeline::RequestContext> &ctx,
                                 const pipeline::Phase::Resume &resume) override;

private:
    pipeline::UpstreamTransport *m_transport;
};

} // namespace gw::integrations
