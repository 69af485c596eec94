#pragma once

#include "gateway/core/httpmessage.h"

#include <QHash>
#include <QList>
#include <QTcpServer>

#include <functional>

class QTcpSocket;

namespace gwtest {

// A real HTTP/1.1 upstream for integration tests, on 127.0.0.1 and a free port. It records every
// request it receives and answers through a scriptable handler, optionally after a delay.
class UpstreamServer : public QTcpServer
{
    Q_OBJECT
public:
    struct Answer
    {
        gw::HttpResponse response;
        int delayMs = 0;
        // Read the request, then close the connection without a byte of answer (an upstream
        // that crashed or restarted mid-request).
        bool dropConnection = false;
    };
    using Handler = std::function<Answer(const gw::HttpRequest &)>;

    explicit UpstreamServer(QObject *parent = nullptr);
    void setHandler(Handler handler) { m_handler = std::move(handler); }
    quint16 port() const { return serverPort(); }
    QString baseUrl() const;
    const QList<gw::HttpRequest> &received() const { return m_received; }
    int connectionsAccepted() const { return m_accepted; }
    int openConnections() const { return int(m_buffers.size()); }
    int maxOpenConnections() const { return m_maxOpen; }
    // Closes every connection from the server side (a keep-alive peer going away).
    void closeAllConnections();

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    void onReadyRead(QTcpSocket *socket);

    Handler m_handler;
    QList<gw::HttpRequest> m_received;
    QHash<QTcpSocket *, QByteArray> m_buffers;
    int m_accepted = 0;
    int m_maxOpen = 0;
};

} // namespace gwtest
