#pragma once

#include "listenerlimits.h"
#include "requestparser.h"

#include "gateway/core/requesthandler.h"

#include <QElapsedTimer>
#include <QHostAddress>
#include <QMap>
#include <QObject>
#include <QTimer>

class QTcpSocket;

namespace gw::runtime {

// One client connection: reads requests with the RequestParser (limits enforced as bytes
// arrive), hands each to the handler, and writes the answers in request order whatever order
// they complete in (HTTP/1.1 pipelining). Header-read, body and keep-alive idle timeouts close
// slow or idle clients. Answers for a connection that has gone are dropped.
// Thread contract: lives on its listener's thread; deletes itself when the socket closes.
class HttpConnection : public QObject
{
    Q_OBJECT
public:
    HttpConnection(qintptr descriptor, const ListenerLimits &limits, const RequestHandler &handler, QObject *parent);
    ~HttpConnection() override;
    quint64 bytesRead() const { return m_bytesRead; }

signals:
    void finished();

private:
    void onReadyRead();
    void process();
    void dispatch(HttpRequest request, bool keepAlive);
    void complete(quint64 sequence, QByteArray bytes, bool close);
    void refuse(int status, const QByteArray &message);
    void armTimer();
    qint64 deadline() const;
    void onTimeout();
    void close();

    ListenerLimits m_limits;
    const RequestHandler &m_handler;
    QTcpSocket *m_socket;
    RequestParser m_parser;
    QByteArray m_buffer;
    QTimer m_timer;
    QElapsedTimer m_clock;        // one clock per connection; the fields below are ms on it
    qint64 m_headStartedAt = 0;
    qint64 m_lastActivity = 0;
    qint64 m_timerDue = 0;
    quint64 m_nextSequence = 0;
    quint64 m_nextToWrite = 0;
    QMap<quint64, QPair<QByteArray, bool>> m_ready; // sequence → bytes, close after (answers out of order only)
    // The socket's addresses, read once: QAbstractSocket::peerAddress() builds a new one per call.
    QHostAddress m_peerAddress;
    quint16 m_peerPort = 0;
    quint16 m_localPort = 0;
    bool m_closing = false;   // no more requests are read
    bool m_continueSent = false;
    bool m_closed = false;
    bool m_readPaused = false; // stopped reading at maxPipelined: read again as answers go out
    quint64 m_bytesRead = 0;
};

} // namespace gw::runtime
