#include "awsintegrationerror.h"

namespace gw::upstream {

AwsIntegrationError AwsIntegrationError::from(const UpstreamError &error)
{
    using Kind = UpstreamError::Kind;
    const QString internal = QStringLiteral("Internal server error");
    switch (error.kind) {
    case Kind::Timeout:
        return {504, QByteArrayLiteral("INTEGRATION_TIMEOUT"), QStringLiteral("Endpoint request timed out"),
                QStringLiteral("Execution failed due to a timeout error")};
    case Kind::InvalidRequest:
    case Kind::DnsFailure:
        // Unresolvable or invalid endpoint: a configuration error, 500 (LS).
        return {500, QByteArrayLiteral("API_CONFIGURATION_ERROR"), internal,
                QStringLiteral("Execution failed due to configuration error: Invalid endpoint address (%1)").arg(error.message)};
    case Kind::ConnectRefused:
        return {500, QByteArrayLiteral("API_CONFIGURATION_ERROR"), internal,
                QStringLiteral("Execution failed due to configuration error: Unable to connect to endpoint (%1)").arg(error.message)};
    case Kind::TlsError:
        // AWS reports an untrusted certificate as a configuration error ("General SSLEngine problem").
        return {500, QByteArrayLiteral("API_CONFIGURATION_ERROR"), internal,
                QStringLiteral("Execution failed due to configuration error: General SSLEngine problem (%1)").arg(error.message)};
    case Kind::ProtocolError:
    case Kind::TooLarge:
        // The endpoint answered something unusable: a bad gateway (reference §3.5 says 502/504,
        // unverified); the body stays AWS's generic one.
        return {502, QByteArrayLiteral("INTEGRATION_FAILURE"), internal,
                QStringLiteral("Execution failed due to a network error communicating with endpoint (%1)").arg(error.message)};
    case Kind::Cancelled:
        break;
    }
    // Only the caller cancels, and nobody is left to answer then; a generic 500 if one is sent.
    return {500, QByteArrayLiteral("DEFAULT_5XX"), internal, QStringLiteral("Execution cancelled: %1").arg(error.message)};
}

} // namespace gw::upstream
