#pragma once

#include "gateway/functions/functionruntime.h"
#include "gateway/pipeline/integrator.h"

namespace gw::integrations {

// Lambda integrations on project functions: AWS_PROXY (the 1.0 proxy event in, the proxy
// response contract out; reference §3.2, §3.3) and AWS with a lambda:path URI (the rendered
// template in, the function's result as the endpoint response, its errorMessage as the
// integration-response selection value; reference §3.4; 'Event' invocations via the mapped
// X-Amz-Invocation-Type header answer 202 at once). The URI's function name is looked up in the
// deployed project's functions. Failures: unknown function or unreachable runtime → 500;
// function error or malformed proxy output → 502 (proxy) or a selected integration response
// (non-proxy); no answer within the integration's timeoutInMillis → 504.
// One instance per engine thread; the FunctionRuntime is that thread's.
class LambdaIntegrator final : public pipeline::Integrator
{
public:
    explicit LambdaIntegrator(functions::FunctionRuntime *runtime) : m_runtime(runtime) {}
    pipeline::PhaseResult invoke(const std::shared_ptr<pipeline::RequestContext> &ctx,
                                 const pipeline::Phase::Resume &resume) override;

private:
    static pipeline::PhaseResult complete(pipeline::RequestContext &ctx, const functions::FunctionResult &result, bool proxy);

    functions::FunctionRuntime *m_runtime;
};

} // namespace gw::integrations
