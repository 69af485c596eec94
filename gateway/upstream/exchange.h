#pragma once

#include "upstreamendpoint.h"
#include "upstreamerror.h"

#include <QByteArray>

namespace gw::upstream {

class UpstreamConnection;

// One request's state inside the UpstreamClient, from send() to its callback. Shared between the
// client (queue), the connection carrying it and the caller's CancelHandle (weakly).
// Thread contract: the client's thread.
struct Exchange
{
    UpstreamEndpoint endpoint;
    QByteArray head;
    QByteArray body;
    bool headRequest = false;
    bool idempotent = false;
    bool closeAfter = false;
    bool retried = false;
    bool queued = false;
    int connectTimeoutMs = 0;  // from when its connection starts connecting
    int timeoutMs = 0;
    qint64 deadline = 0;       // ms on the client's clock
    UpstreamCallback callback; // empty once answered or cancelled: never called twice
    UpstreamConnection *connection = nullptr;
};

} // namespace gw::upstream
