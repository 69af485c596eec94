#include "httpconnection.h"

#include "responsewriter.h"

#include "gateway/core/socketwrite.h"

#include <QPointer>
#include <QTcpSocket>

namespace gw::runtime {

HttpConnection::HttpConnection(qintptr descriptor, const ListenerLimits &limits, const RequestHandler &handler, QObject *parent)
    : QObject(parent), m_limits(limits), m_handler(handler), m_socket(new QTcpSocket(this)), m_parser(limits)
{
    m_socket->setSocketDescriptor(descriptor);
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    // Bounded reads: when we stop reading (too many requests queued), TCP pushes back.
    m_socket->setReadBufferSize(256 * 1024);
    m_timer.setSingleShot(true);
    m_clock.start();
    connect(&m_timer, &QTimer::timeout, this, &HttpConnection::onTimeout);
    connect(m_socket, &QTcpSocket::readyRead, this, &HttpConnection::onReadyRead);
    connect(m_socket, &QTcpSocket::disconnected, this, &HttpConnection::close);
    armTimer();
}

HttpConnection::~HttpConnection() = default;

// When the current state's deadline falls, in ms on m_clock; -1: no deadline (answers pending).
qint64 HttpConnection::deadline() const
{
    if (m_parser.inProgress()) {
        // The whole head must arrive within the header timeout, however slowly it trickles.
        if (!m_parser.headComplete())
            return m_headStartedAt + m_limits.headerTimeoutMs;
        return m_lastActivity + m_limits.bodyTimeoutMs;
    }
    if (m_nextToWrite == m_nextSequence)
        return m_lastActivity + m_limits.idleTimeoutMs; // keep-alive idle
    return -1;
}

// The timer is lazy: it is (re)started only when the deadline moves earlier, so a busy
// keep-alive connection costs no timer work per request; onTimeout() checks the real deadline.
void HttpConnection::armTimer()
{
    const qint64 due = deadline();
    if (due < 0)
        return; // onTimeout() re-arms once the answers are out
    if (m_timer.isActive() && m_timerDue <= due)
        return;
    m_timerDue = due;
    m_timer.start(int(qMax<qint64>(1, due - m_clock.elapsed())));
}

void HttpConnection::onTimeout()
{
    const qint64 due = deadline();
    const qint64 now = m_clock.elapsed();
    if (due < 0 || due > now) {
        // Not due yet (activity since), or answers pending: look again later.
        m_timerDue = due < 0 ? now + m_limits.idleTimeoutMs : due;
        m_timer.start(int(qMax<qint64>(1, m_timerDue - now)));
        return;
    }
    if (m_parser.inProgress() && !m_parser.headComplete()) {
        refuse(408, "Request Timeout");
        return;
    }
    close();
}

void HttpConnection::onReadyRead()
{
    if (m_closing)
        return;
    if (m_nextSequence - m_nextToWrite >= quint64(m_limits.maxPipelined))
        return; // enough queued; read more when answers go out
    const QByteArray data = m_socket->readAll();
    m_bytesRead += quint64(data.size());
    m_lastActivity = m_clock.elapsed();
    if (m_buffer.isEmpty())
        m_buffer = data;
    else
        m_buffer += data;
    process();
}

void HttpConnection::process()
{
    while (!m_buffer.isEmpty() && !m_closing && m_nextSequence - m_nextToWrite < quint64(m_limits.maxPipelined)) {
        if (!m_parser.inProgress())
            m_headStartedAt = m_clock.elapsed();
        const qsizetype used = m_parser.feed(m_buffer.constData(), m_buffer.size());
        m_buffer.remove(0, used);
        if (m_parser.hasError()) {
            refuse(m_parser.errorStatus(), m_parser.errorMessage());
            return;
        }
        if (m_parser.expectsContinue() && m_parser.headComplete() && !m_parser.isDone() && !m_continueSent) {
            m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
            m_continueSent = true;
        }
        if (!m_parser.isDone())
            break;
        const bool keepAlive = m_parser.keepAlive();
        HttpRequest request = m_parser.takeRequest();
        m_parser.reset();
        m_continueSent = false;
        dispatch(std::move(request), keepAlive);
        if (!keepAlive) {
            m_closing = true; // answer what was asked, then close
            m_buffer.clear();
        }
    }
    armTimer();
}

void HttpConnection::dispatch(HttpRequest request, bool keepAlive)
{
    request.peerAddress = m_socket->peerAddress();
    request.peerPort = m_socket->peerPort();
    request.localPort = m_socket->localPort();
    const quint64 sequence = m_nextSequence++;
    const bool head = request.method == "HEAD";
    QPointer<HttpConnection> self(this);
    m_handler(std::move(request), [self, sequence, head, keepAlive](HttpResponse response) {
        if (self) // the client may have left while the gateway worked
            self->complete(sequence, serializeResponse(response, head, !keepAlive), !keepAlive);
    });
}

void HttpConnection::complete(quint64 sequence, QByteArray bytes, bool close)
{
    m_ready.insert(sequence, {std::move(bytes), close});
    QByteArray out;
    bool closeAfter = false;
    while (!m_ready.isEmpty() && m_ready.firstKey() == m_nextToWrite) {
        auto entry = m_ready.take(m_nextToWrite++);
        out += entry.first;
        if (entry.second) {
            closeAfter = true;
            break;
        }
    }
    if (!out.isEmpty()) {
        writeNow(m_socket, out.constData(), out.size());
        m_lastActivity = m_clock.elapsed();
    }
    if (closeAfter) {
        m_closing = true;
        m_socket->disconnectFromHost();
        return;
    }
    if (!m_buffer.isEmpty() || m_socket->bytesAvailable())
        QMetaObject::invokeMethod(this, [this]() { onReadyRead(); process(); }, Qt::QueuedConnection);
    armTimer();
}

void HttpConnection::refuse(int status, const QByteArray &message)
{
    // Answer after whatever is already queued, then close without reading the rest.
    m_closing = true;
    m_buffer.clear();
    m_timer.stop();
    complete(m_nextSequence++, serializeResponse(listenerErrorResponse(status, message), false, true), true);
}

void HttpConnection::close()
{
    if (m_closed)
        return;
    m_closed = true;
    if (m_socket->state() != QAbstractSocket::UnconnectedState)
        m_socket->abort();
    m_timer.stop();
    emit finished();
    deleteLater();
}

} // namespace gw::runtime
