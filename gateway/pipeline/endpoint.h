#pragma once

#include "gateway/core/headerlist.h"

#include <QByteArray>
#include <QString>
#include <QUrl>

#include <functional>

namespace gw::pipeline {

// The request an integration sends to its endpoint, after mapping ("Endpoint request" in AWS's logs).
struct EndpointRequest
{
    QByteArray method;
    QUrl url;
    HeaderList headers;
    QByteArray body;
    int timeoutMs = 29000;
    bool insecureSkipVerification = false;
};

struct EndpointResult
{
    enum class Error { None, Timeout, ConnectionRefused, InvalidEndpoint, NetworkError, TlsError, ProtocolError, TooLarge, Cancelled };
    Error error = Error::None;
    QString errorMessage;
    int status = 0;
    HeaderList headers;
    QByteArray body;
};

// The HTTP client integrations use: one per engine thread, asynchronous, callbacks on that thread.
class UpstreamTransport
{
public:
    using Callback = std::function<void(EndpointResult)>;
    using Cancel = std::function<void()>;
    virtual ~UpstreamTransport() = default;
    // Never calls back synchronously from inside send(). The returned function cancels; after it
    // the callback is not called.
    virtual Cancel send(const EndpointRequest &request, Callback callback) = 0;
};

} // namespace gw::pipeline
