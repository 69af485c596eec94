#pragma once

#include "exchange.h"
#include "responseparser.h"

#include <QAbstractSocket>
#include <QObject>
#include <QTimer>

#include <memory>

class QElapsedTimer;
class QTcpSocket;

namespace gw::upstream {

struct HostPool;

// One keep-alive HTTP/1.1 connection to an endpoint, carrying one exchange at a time.
// Owned by the UpstreamClient; it tells its Owner about each outcome and never deletes itself.
// Thread contract: the client's thread.
class UpstreamConnection : public QObject
{
    Q_OBJECT
public:
    class Owner
    {
    public:
        // The exchange ended. `reusable`: the connection is idle and may carry another request;
        // otherwise it is already closed. `retry`: a reused connection failed before any response
        // byte and the request may be sent again on a fresh one.
        virtual void exchangeDone(UpstreamConnection *connection, std::shared_ptr<Exchange> exchange,
                                  UpstreamResult result, bool reusable, bool retry) = 0;
        // A connection without an exchange was closed (by the peer, an error or the idle timeout).
        virtual void connectionLost(UpstreamConnection *connection) = 0;
        // A connection whose exchange was cancelled while connecting is now connected and idle.
        virtual void connectionReady(UpstreamConnection *connection) = 0;

    protected:
        ~Owner() = default;
    };

    UpstreamConnection(const UpstreamEndpoint &endpoint, HostPool *pool, const ResponseLimits &limits, int idleTimeoutMs,
                       const QElapsedTimer &clock, Owner *owner, QObject *parent);
    ~UpstreamConnection() override;

    HostPool *pool() const { return m_pool; }
    const UpstreamEndpoint &endpoint() const { return m_endpoint; }
    bool isClosed() const { return m_state == State::Closed; }
    // Idle, connected, and nothing unasked waiting to be read. `probe` also asks the kernel
    // whether the peer has closed meanwhile (one recv(MSG_PEEK) system call): for requests that
    // must not be retried.
    bool isUsable(bool probe) const;

    // Connects if needed, then sends the exchange's request.
    void start(std::shared_ptr<Exchange> exchange);
    // Forgets the exchange. A connection still connecting stays to join the pool; one that sent
    // anything is closed (its response can't be told apart from the next one's).
    void abandon();
    // Closes without telling the owner.
    void close();

private:
    enum class State { New, Connecting, Active, Idle, Closed };

    void connectSocket();
    void onConnected();
    void onReadyRead();
    void onBytesWritten();
    void onError(QAbstractSocket::SocketError error);
    void onPeerClosed();
    void onTimer();
    void armTimer(qint64 due);
    void sendRequest();
    bool readAvailable(); // true when the exchange ended (the connection may be gone)
    void complete(bool extraBytes);
    void fail(UpstreamError::Kind kind, const QString &message);
    void lose();

    UpstreamEndpoint m_endpoint;
    HostPool *m_pool;
    Owner *m_owner;
    const QElapsedTimer &m_clock;
    int m_idleTimeoutMs;
    QTcpSocket *m_socket = nullptr;
    QTimer m_timer;
    qint64 m_connectDue = 0;
    qint64 m_due = 0;
    qint64 m_timerDue = 0;
    State m_state = State::New;
    ResponseParser m_parser;
    std::shared_ptr<Exchange> m_exchange;
    qsizetype m_bodyOffset = 0; // how much of a large body has been handed to the socket
    QMetaObject::Connection m_pump;
    QString m_tlsErrors;
    int m_uses = 0;
};

} // namespace gw::upstream
