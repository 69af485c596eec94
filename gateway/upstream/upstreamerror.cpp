#include "upstreamerror.h"

namespace gw::upstream {

QString kindName(UpstreamError::Kind kind)
{
    switch (kind) {
    case UpstreamError::Kind::InvalidRequest:
        return QStringLiteral("InvalidRequest");
    case UpstreamError::Kind::DnsFailure:
        return QStringLiteral("DnsFailure");
    case UpstreamError::Kind::ConnectRefused:
        return QStringLiteral("ConnectRefused");
    case UpstreamError::Kind::Timeout:
        return QStringLiteral("Timeout");
    case UpstreamError::Kind::TlsError:
        return QStringLiteral("TlsError");
    case UpstreamError::Kind::ProtocolError:
        return QStringLiteral("ProtocolError");
    case UpstreamError::Kind::TooLarge:
        return QStringLiteral("TooLarge");
    case UpstreamError::Kind::Cancelled:
        return QStringLiteral("Cancelled");
    }
    return QStringLiteral("Unknown");
}

} // namespace gw::upstream
