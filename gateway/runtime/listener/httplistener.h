#pragma once

#include "listenercounters.h"
#include "listenerlimits.h"

#include "gateway/core/requesthandler.h"

#include <QSet>
#include <QTcpServer>

#include <memory>

namespace gw::runtime {

class HttpConnection;

// The gateway's HTTP/1.1 listener for one engine thread: accepts on its socket (its own, or one
// of several SO_REUSEPORT sockets sharing a port), bounds the number of open connections, and
// runs each through an HttpConnection. At the bound a new connection takes the place of an idle
// one, else of the one whose request has been arriving longest (slow clients cannot hold every
// slot); only when every connection is working for its client is the new one closed.
// QtHttpServer 6.4 buffers bodies without limit, has no header limits or timeouts and writes
// asynchronous answers out of order, so the data plane uses this instead (docs/DECISIONS.md).
// Thread contract: lives on its engine thread.
class HttpListener : public QTcpServer
{
    Q_OBJECT
public:
    // `counters` may be shared by several listeners (the engine's threads); one of its own if null.
    HttpListener(RequestHandler handler, ListenerLimits limits = {}, QObject *parent = nullptr,
                 std::shared_ptr<ListenerCounters> counters = {});
    ~HttpListener() override;
    // Readable from any thread (tests, status displays).
    int openConnections() const { return m_counters->openConnections.load(); }
    quint64 refusedConnections() const { return m_counters->refusedConnections.load(); }
    const ListenerCounters &counters() const { return *m_counters; }

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    bool reclaimOne();

    RequestHandler m_handler;
    ListenerLimits m_limits;
    std::shared_ptr<ListenerCounters> m_counters;
    QSet<HttpConnection *> m_connections;
};

} // namespace gw::runtime
