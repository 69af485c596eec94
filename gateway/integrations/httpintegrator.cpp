#include "httpintegrator.h"

namespace gw::integrations {

using pipeline::EndpointResult;
using pipeline::GatewayError;
using pipeline::PhaseResult;

void HttpIntegrator::applyTransportError(pipeline::RequestContext &ctx)
{
    const EndpointResult &r = ctx.endpointResult;
    switch (r.error) {
    case EndpointResult::Error::None:
    case EndpointResult::Error::Cancelled:
        return;
    case EndpointResult::Error::Timeout:
        ctx.fail({QStringLiteral("INTEGRATION_TIMEOUT"), QStringLiteral("Endpoint request timed out"), false,
                  QStringLiteral("Execution failed due to a timeout error")});
        return;
    case EndpointResult::Error::InvalidEndpoint:
        ctx.fail({QStringLiteral("API_CONFIGURATION_ERROR"), QStringLiteral("Internal server error"), false,
                  QStringLiteral("Execution failed due to configuration error: Invalid endpoint address (%1)").arg(r.errorMessage)});
        return;
    case EndpointResult::Error::ConnectionRefused:
        ctx.fail({QStringLiteral("API_CONFIGURATION_ERROR"), QStringLiteral("Internal server error"), false,
                  QStringLiteral("Execution failed due to configuration error: Unable to connect to endpoint (%1)").arg(r.errorMessage)});
        return;
    case EndpointResult::Error::NetworkError:
    case EndpointResult::Error::TlsError:
    case EndpointResult::Error::ProtocolError:
    case EndpointResult::Error::TooLarge:
        ctx.fail({QStringLiteral("INTEGRATION_FAILURE"), QStringLiteral("Internal server error"), false,
                  QStringLiteral("Execution failed due to a network error communicating with endpoint: %1").arg(r.errorMessage)});
        return;
    }
}

PhaseResult HttpIntegrator::invoke(const std::shared_ptr<pipeline::RequestContext> &ctx, const pipeline::Phase::Resume &resume)
{
    if (ctx->tracing())
        ctx->log(QStringLiteral("integration"), QStringLiteral("Sending request to %1").arg(ctx->endpointRequest.url.toString()));
    // The callback keeps the request alive while the endpoint works; the cycle through
    // ctx->cancelIntegration ends when the callback runs or the call is cancelled.
    ctx->cancelIntegration = m_transport->send(ctx->endpointRequest, [c = ctx, resume](EndpointResult result) {
        c->cancelIntegration = nullptr;
        c->endpointResult = std::move(result);
        if (c->endpointResult.error != EndpointResult::Error::None) {
            applyTransportError(*c);
            resume(PhaseResult::Respond);
        } else {
            resume(PhaseResult::Continue);
        }
    });
    return PhaseResult::Suspend;
}

} // namespace gw::integrations
