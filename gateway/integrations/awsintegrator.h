#pragma once

#include "awsserviceintegrator.h"
#include "lambdaintegrator.h"

namespace gw::integrations {

// Integration type AWS: a lambda:path/…/invocations URI goes to the Lambda integrator (project
// functions), any other service to the AWS service integrator. One instance per engine thread.
class AwsIntegrator final : public pipeline::Integrator
{
public:
    AwsIntegrator(functions::FunctionRuntime *runtime, pipeline::UpstreamTransport *transport)
        : m_lambda(runtime), m_service(transport) {}
    pipeline::PhaseResult invoke(const std::shared_ptr<pipeline::RequestContext> &ctx,
                                 const pipeline::Phase::Resume &resume) override;

private:
    LambdaIntegrator m_lambda;
    AwsServiceIntegrator m_service;
};

} // namespace gw::integrations
