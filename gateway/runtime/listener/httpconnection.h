#pragma once

#include "listenercounters.h"
#include "listenerlimits.h"
#include "requestparser.h"

#include "gateway/core/requesthandler.h"

#include <QElapsedTimer>
#include <QHostAddress>
#include <QMap>
#include <QObject>
#include <QTimer>

#include <memory>

class QTcpSocket;

namespace gw::runtime {

// One client connection: reads requests with the RequestParser (limits enforced as bytes
// arrive), hands each to the handler, and writes the answers in request order whatever order
// they complete in (HTTP/1.1 pipelining). Reading pauses while too many answers are owed or too
// many answer bytes wait to be written (a client that sends but never reads), so memory per
// connection stays bounded. Header, body (gap and minimum rate), send and keep-alive idle
// timeouts close slow or idle clients. Answers for a connection that has gone are dropped.
// Thread contract: lives on its listener's thread; deletes itself when the socket closes.
class HttpConnection : public QObject
{
    Q_OBJECT
public:
    HttpConnection(qintptr descriptor, const ListenerLimits &limits, const RequestHandler &handler,
                   std::shared_ptr<ListenerCounters> counters, QObject *parent);
    ~HttpConnection() override;
    quint64 bytesRead() const { return m_bytesRead; }

    // For the listener at its connection cap: which connections may be closed for a new one.
    enum class Reclaim { No, Idle, Slow };
    Reclaim reclaimable() const;
    // When the connection last made progress (idle) or its request began (slow), in ms since
    // the epoch of QElapsedTimer's monotonic clock: comparable between connections.
    qint64 reclaimRank() const;
    void reclaim();

signals:
    void finished();

private:
    void onReadyRead();
    void scheduleRead();
    void process();
    void dispatch(HttpRequest request, bool keepAlive);
    void complete(quint64 sequence, QByteArray bytes, bool close);
    void onBytesWritten();
    void refuse(int status, const QByteArray &message);
    void linger();
    qint64 queuedBytes() const;
    void reportQueued();
    bool tooManyQueued() const { return queuedBytes() >= m_limits.maxQueuedBytes; }
    bool blocked() const;
    void armTimer();
    qint64 deadline() const;
    void onTimeout();
    void close();

    ListenerLimits m_limits;
    const RequestHandler &m_handler;
    // Shared, not borrowed: a connection that is still a QObject child when its listener goes
    // (closing, deleteLater pending) reports to the counters from its destructor.
    std::shared_ptr<ListenerCounters> m_counters;
    QTcpSocket *m_socket;
    RequestParser m_parser;
    QByteArray m_buffer;
    QTimer m_timer;
    QElapsedTimer m_clock;        // one clock per connection; the fields below are ms on it
    qint64 m_headStartedAt = 0;
    qint64 m_bodyStartedAt = -1;  // -1: no body being read
    qint64 m_lastActivity = 0;
    qint64 m_lingerStartedAt = 0;
    qint64 m_timerDue = 0;
    quint64 m_nextSequence = 0;
    quint64 m_nextToWrite = 0;
    QMap<quint64, QPair<QByteArray, bool>> m_ready; // sequence → bytes, close after (answers out of order only)
    qint64 m_readyBytes = 0;      // bytes held in m_ready
    qint64 m_reportedQueued = 0;  // what this connection has added to m_counters->queuedBytes
    // The socket's addresses, read once: QAbstractSocket::peerAddress() builds a new one per call.
    QHostAddress m_peerAddress;
    quint16 m_peerPort = 0;
    quint16 m_localPort = 0;
    bool m_closing = false;   // no more requests are read
    bool m_refused = false;   // an error answer ends the connection (then linger())
    bool m_lingering = false; // error answered: input is read and dropped until the client closes
    bool m_continueSent = false;
    bool m_closed = false;
    bool m_readPaused = false; // stopped reading (answers owed or queued): read again as they go out
    bool m_readScheduled = false;
    quint64 m_bytesRead = 0;
};

} // namespace gw::runtime
