#include "httplistener.h"

#include "httpconnection.h"

#include <unistd.h>

namespace gw::runtime {

HttpListener::HttpListener(RequestHandler handler, ListenerLimits limits, QObject *parent,
                           std::shared_ptr<ListenerCounters> counters)
    : QTcpServer(parent), m_handler(std::move(handler)), m_limits(limits),
      m_counters(counters ? std::move(counters) : std::make_shared<ListenerCounters>())
{
}

HttpListener::~HttpListener()
{
    // Before the counters go: connections report to them as they are destroyed.
    const QSet<HttpConnection *> connections = std::exchange(m_connections, {});
    m_counters->openConnections -= int(connections.size());
    qDeleteAll(connections);
}

void HttpListener::incomingConnection(qintptr descriptor)
{
    if (m_connections.size() >= m_limits.maxConnections && !reclaimOne()) {
        ++m_counters->refusedConnections;
        ::close(int(descriptor)); // over the bound: closed at once
        return;
    }
    ++m_counters->openConnections;
    auto *connection = new HttpConnection(descriptor, m_limits, m_handler, m_counters, this);
    m_connections.insert(connection);
    connect(connection, &HttpConnection::finished, this, [this, connection]() {
        if (m_connections.remove(connection))
            --m_counters->openConnections;
    });
}

// At the cap: closes the connection that has been idle longest, else the one whose request has
// been arriving longest. A scan of every connection, but only when the cap is reached.
bool HttpListener::reclaimOne()
{
    HttpConnection *victim = nullptr;
    HttpConnection::Reclaim victimClass = HttpConnection::Reclaim::No;
    qint64 victimRank = 0;
    for (HttpConnection *c : std::as_const(m_connections)) {
        const HttpConnection::Reclaim r = c->reclaimable();
        if (r == HttpConnection::Reclaim::No)
            continue;
        const qint64 rank = c->reclaimRank();
        // Idle before slow; the oldest within each.
        const bool better = !victim || (r == HttpConnection::Reclaim::Idle && victimClass == HttpConnection::Reclaim::Slow)
                            || (r == victimClass && rank < victimRank);
        if (better) {
            victim = c;
            victimClass = r;
            victimRank = rank;
        }
    }
    if (!victim)
        return false;
    ++m_counters->reclaimedConnections;
    victim->reclaim(); // emits finished(): removed from m_connections at once
    return true;
}

} // namespace gw::runtime
