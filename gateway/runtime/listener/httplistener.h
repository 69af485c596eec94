#pragma once

#include "listenerlimits.h"

#include "gateway/core/requesthandler.h"

#include <QTcpServer>

#include <atomic>

namespace gw::runtime {

// The gateway's HTTP/1.1 listener for one engine thread: accepts on its socket (its own, or one
// of several SO_REUSEPORT sockets sharing a port), bounds the number of open connections, and
// runs each through an HttpConnection. QtHttpServer 6.4 buffers bodies without limit, has no
// header limits or timeouts and writes asynchronous answers out of order, so the data plane
// uses this instead (docs/DECISIONS.md).
// Thread contract: lives on its engine thread.
class HttpListener : public QTcpServer
{
    Q_OBJECT
public:
    HttpListener(RequestHandler handler, ListenerLimits limits = {}, QObject *parent = nullptr);
    // Readable from any thread (tests, status displays).
    int openConnections() const { return m_open.load(); }
    quint64 refusedConnections() const { return m_refused.load(); }

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    RequestHandler m_handler;
    ListenerLimits m_limits;
    std::atomic<int> m_open{0};
    std::atomic<quint64> m_refused{0};
};

} // namespace gw::runtime
