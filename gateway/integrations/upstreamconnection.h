#pragma once

#include "responseparser.h"

#include "gateway/pipeline/endpoint.h"

#include <QObject>
#include <QElapsedTimer>
#include <QTimer>

#include <functional>
#include <optional>

class QTcpSocket;

namespace gw::integrations {

// One keep-alive HTTP/1.1 connection to an endpoint, carrying one request at a time. Owned by
// the UpstreamPool; reused only after a complete response that both sides allow to keep alive.
// Thread contract: the pool's thread.
class UpstreamConnection : public QObject
{
    Q_OBJECT
public:
    struct Key
    {
        bool tls = false;
        QString host;
        quint16 port = 0;
        bool insecure = false;
        friend bool operator==(const Key &, const Key &) = default;
    };

    UpstreamConnection(const Key &key, QObject *parent);
    ~UpstreamConnection() override;

    const Key &key() const { return m_key; }
    bool isIdle() const { return !m_busy && m_usable; }
    // False when the endpoint has closed this idle connection and we have not yet noticed
    // (a FIN or data waiting in the kernel): peeks at the socket without reading.
    bool peerStillOpen() const;
    bool wasUsed() const { return m_requests > 0; }

    // Sends one serialized request; `done` gets the result (exactly once, never synchronously).
    // `connectedOnly`: the request never left for the network (safe to retry elsewhere).
    using Done = std::function<void(pipeline::EndpointResult result, bool safeToRetry)>;
    void start(QByteArray wire, bool headRequest, int timeoutMs, Done done);
    // Drops the request in flight; the connection is then closed (it can't be reused mid-response).
    void abandon();

signals:
    void idle(gw::integrations::UpstreamConnection *connection);
    void closed(gw::integrations::UpstreamConnection *connection);

private:
    void connectSocket();
    void send(const QByteArray &wire);
    void onConnected();
    void onReadyRead();
    void onDisconnected();
    void onError();
    void finish(pipeline::EndpointResult result, bool safeToRetry);
    void retire(); // closes the socket and tells the pool, once

    Key m_key;
    QTcpSocket *m_socket = nullptr;
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_due = 0;       // this request's deadline, ms on m_clock
    qint64 m_timerDue = 0;  // when the timer fires
    ResponseParser m_parser;
    QByteArray m_pending;      // bytes to write once connected
    Done m_done;
    bool m_busy = false;
    bool m_usable = true;
    bool m_connected = false;
    bool m_sentAnything = false;
    bool m_retired = false;
    int m_requests = 0;
};

size_t qHash(const UpstreamConnection::Key &key, size_t seed = 0);

} // namespace gw::integrations
