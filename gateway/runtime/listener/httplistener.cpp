#include "httplistener.h"

#include "httpconnection.h"

#include <unistd.h>

namespace gw::runtime {

HttpListener::HttpListener(RequestHandler handler, ListenerLimits limits, QObject *parent)
    : QTcpServer(parent), m_handler(std::move(handler)), m_limits(limits)
{
}

void HttpListener::incomingConnection(qintptr descriptor)
{
    if (m_open >= m_limits.maxConnections) {
        ++m_refused;
        ::close(int(descriptor)); // over the bound: closed at once
        return;
    }
    ++m_open;
    auto *connection = new HttpConnection(descriptor, m_limits, m_handler, this);
    connect(connection, &HttpConnection::finished, this, [this]() { --m_open; });
}

} // namespace gw::runtime
