#include "awsserviceintegrator.h"

#include "gateway/aws/servicerequestbuilder.h"
#include "gateway/aws/serviceresponsemapper.h"

namespace gw::integrations {

using aws::AwsServiceOutcome;
using aws::ServiceResponseMapper;
using pipeline::EndpointResult;
using pipeline::PhaseResult;

namespace {

const QString kPhase = QStringLiteral("integration");

void failWith(pipeline::RequestContext &ctx, const AwsServiceOutcome &outcome)
{
    ctx.fail({outcome.gatewayError, outcome.gatewayMessage, false, outcome.logLine});
}

ServiceResponseMapper::TransportFailure transportFailure(EndpointResult::Error error)
{
    switch (error) {
    case EndpointResult::Error::Timeout:
        return ServiceResponseMapper::TransportFailure::Timeout;
    case EndpointResult::Error::ConnectionRefused:
        return ServiceResponseMapper::TransportFailure::ConnectionRefused;
    case EndpointResult::Error::InvalidEndpoint:
        return ServiceResponseMapper::TransportFailure::HostNotFound;
    case EndpointResult::Error::TlsError:
        return ServiceResponseMapper::TransportFailure::Tls;
    default:
        return ServiceResponseMapper::TransportFailure::Other;
    }
}

} // namespace

PhaseResult AwsServiceIntegrator::invoke(const std::shared_ptr<pipeline::RequestContext> &ctx, const pipeline::Phase::Resume &resume)
{
    const deploy::RuntimeConfig &config = *ctx->config;
    if (!config.awsRequests) {
        failWith(*ctx, ServiceResponseMapper::fromBuildError(
                           config.awsCredentialsError.isEmpty() ? QStringLiteral("AWS service integrations are not set up")
                                                                : QStringLiteral("AWS credentials: %1").arg(config.awsCredentialsError)));
        return PhaseResult::Respond;
    }
    aws::AwsIntegrationRequest request;
    request.uri = ctx->integrationArn;
    request.httpMethod = ctx->endpointRequest.method;
    request.body = ctx->endpointRequest.body;
    request.headers = ctx->endpointRequest.headers;
    request.query = ctx->integrationQuery;
    for (auto it = ctx->integrationPathParameters.cbegin(); it != ctx->integrationPathParameters.cend(); ++it)
        request.pathParameters.insert(it.key(), it.value());
    const aws::AwsWireRequest wire = config.awsRequests->build(request);
    if (!wire.ok()) {
        failWith(*ctx, ServiceResponseMapper::fromBuildError(wire.error));
        return PhaseResult::Respond;
    }
    pipeline::EndpointRequest &out = ctx->endpointRequest;
    out.method = wire.method;
    out.url = wire.url;
    out.headers = wire.headers;
    out.body = wire.body;
    if (ctx->tracing()) {
        ctx->log(kPhase, QStringLiteral("Endpoint request URI: %1").arg(QString::fromLatin1(wire.url.toEncoded())));
        ctx->log(kPhase, QStringLiteral("Endpoint request headers: %1").arg(ctx->traceHeaders(out.headers)));
        ctx->log(kPhase, QStringLiteral("Endpoint request body after transformations: %1").arg(ctx->traceBody(out.body)));
        ctx->log(kPhase, QStringLiteral("Sending request to %1").arg(QString::fromLatin1(wire.url.toEncoded())));
    }
    const aws::AwsServiceInfo service = wire.service;
    ctx->cancelIntegration = m_transport->send(out, [c = ctx, resume, service](EndpointResult result) {
        c->cancelIntegration = nullptr;
        if (result.error != EndpointResult::Error::None) {
            failWith(*c, ServiceResponseMapper::fromTransportFailure(transportFailure(result.error), result.errorMessage));
            resume(PhaseResult::Respond);
            return;
        }
        const AwsServiceOutcome outcome = ServiceResponseMapper::fromResponse(service, result.status, result.headers, result.body);
        c->endpointResult = std::move(result);
        if (!outcome.gatewayError.isEmpty()) {
            failWith(*c, outcome);
            resume(PhaseResult::Respond);
            return;
        }
        c->endpointResult.status = outcome.status;
        if (outcome.serviceError && c->tracing())
            c->log(kPhase, QStringLiteral("AWS service error: %1: %2").arg(outcome.errorType, outcome.errorMessage));
        resume(PhaseResult::Continue);
    });
    return PhaseResult::Suspend;
}

} // namespace gw::integrations
