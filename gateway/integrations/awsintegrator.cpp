#include "awsintegrator.h"

#include "lambdafunctionuri.h"

namespace gw::integrations {

pipeline::PhaseResult AwsIntegrator::invoke(const std::shared_ptr<pipeline::RequestContext> &ctx, const pipeline::Phase::Resume &resume)
{
    if (isLambdaInvocationUri(ctx->integrationArn))
        return m_lambda.invoke(ctx, resume);
    return m_service.invoke(ctx, resume);
}

} // namespace gw::integrations
