#pragma once

#include "gateway/core/httpmessage.h"

#include <QString>

#include <functional>
#include <variant>

namespace gw::upstream {

// Why an exchange with an endpoint produced no response. A value, not an exception.
struct UpstreamError
{
    enum class Kind {
        InvalidRequest, // URL not http(s), no host, or a method/header that can't go on the wire
        DnsFailure,
        ConnectRefused, // refused or unreachable
        Timeout,        // connect timeout or the request's total timeout
        TlsError,       // handshake failed, e.g. certificate not trusted
        ProtocolError,  // malformed response, or the connection ended before it was complete
        TooLarge,       // response over the limits (10 MB body by default)
        Cancelled,
    };

    Kind kind = Kind::ProtocolError;
    QString message;

    friend bool operator==(const UpstreamError &, const UpstreamError &) = default;
};

QString kindName(UpstreamError::Kind kind);

using UpstreamResult = std::variant<HttpResponse, UpstreamError>;
using UpstreamCallback = std::function<void(UpstreamResult)>;

} // namespace gw::upstream
