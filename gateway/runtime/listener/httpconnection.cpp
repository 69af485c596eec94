#include "httpconnection.h"

#include "responsewriter.h"

#include "gateway/core/socketwrite.h"

#include <QPointer>
#include <QTcpSocket>

#include <sys/socket.h>

namespace gw::runtime {

// The most read in one turn of the event loop, and the most QTcpSocket buffers before it stops
// reading the kernel (so a connection we stop reading is pushed back by TCP, not buffered here).
static constexpr qint64 kReadPerTurn = 256 * 1024;

HttpConnection::HttpConnection(qintptr descriptor, const ListenerLimits &limits, const RequestHandler &handler,
                               std::shared_ptr<ListenerCounters> counters, QObject *parent)
    : QObject(parent), m_limits(limits), m_handler(handler), m_counters(std::move(counters)), m_socket(new QTcpSocket(this)),
      m_parser(limits)
{
    // Buffered, whatever mode is asked for: Qt 6.4's setSocketDescriptor() ignores
    // QIODevice::Unbuffered (only connectToHost() honours it). readyRead therefore comes only when
    // new bytes reach the socket's buffer, never for bytes we leave there; onReadyRead() picks
    // those up itself (scheduleRead). The bounded buffer makes TCP push back when we pause.
    m_socket->setSocketDescriptor(descriptor, QAbstractSocket::ConnectedState, QIODevice::ReadWrite);
    m_socket->setReadBufferSize(kReadPerTurn);
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    m_peerAddress = m_socket->peerAddress();
    m_peerPort = m_socket->peerPort();
    m_localPort = m_socket->localPort();
    m_timer.setSingleShot(true);
    m_clock.start();
    connect(&m_timer, &QTimer::timeout, this, &HttpConnection::onTimeout);
    connect(m_socket, &QTcpSocket::readyRead, this, &HttpConnection::onReadyRead);
    connect(m_socket, &QTcpSocket::bytesWritten, this, &HttpConnection::onBytesWritten);
    connect(m_socket, &QTcpSocket::disconnected, this, &HttpConnection::close);
    armTimer();
}

HttpConnection::~HttpConnection()
{
    m_counters->queuedBytes -= m_reportedQueued;
}

// Answer bytes this connection holds: out-of-order answers waiting for earlier ones, and what the
// socket has not handed to the kernel yet.
qint64 HttpConnection::queuedBytes() const
{
    return m_readyBytes + m_socket->bytesToWrite();
}

void HttpConnection::reportQueued()
{
    const qint64 now = m_closed ? 0 : queuedBytes();
    if (now != m_reportedQueued) {
        m_counters->queuedBytes += now - m_reportedQueued;
        m_reportedQueued = now;
    }
}

// Reading waits while enough answers are owed (pipelining) or enough answer bytes wait for a
// client that does not read them.
bool HttpConnection::blocked() const
{
    return m_nextSequence - m_nextToWrite >= quint64(m_limits.maxPipelined) || tooManyQueued();
}

// When the current state's deadline falls, in ms on m_clock; -1: no deadline (answers pending).
qint64 HttpConnection::deadline() const
{
    if (m_lingering)
        return m_lingerStartedAt + m_limits.lingerMs;
    // A client that takes none of its answers: send timeout (progress moves m_lastActivity).
    if (tooManyQueued() || (m_closing && queuedBytes() > 0))
        return m_lastActivity + m_limits.idleTimeoutMs;
    if (m_closing || m_nextSequence - m_nextToWrite >= quint64(m_limits.maxPipelined))
        return -1;
    if (m_parser.inProgress()) {
        // The whole head must arrive within the header timeout, however slowly it trickles.
        if (!m_parser.headComplete())
            return m_headStartedAt + m_limits.headerTimeoutMs;
        qint64 due = m_lastActivity + m_limits.bodyTimeoutMs;
        if (m_limits.minBodyBytesPerSecond > 0 && m_bodyStartedAt >= 0) {
            // The bytes received so far buy this much time at the minimum rate.
            const qint64 earned = qint64(m_parser.bodyReceived()) * 1000 / m_limits.minBodyBytesPerSecond;
            due = qMin(due, m_bodyStartedAt + qMax<qint64>(m_limits.bodyGraceMs, earned));
        }
        return due;
    }
    if (m_nextToWrite == m_nextSequence)
        return m_lastActivity + m_limits.idleTimeoutMs; // keep-alive idle
    return -1;
}

// The timer is lazy: it is (re)started only when the deadline moves earlier, so a busy
// keep-alive connection costs no timer work per request; onTimeout() checks the real deadline.
void HttpConnection::armTimer()
{
    if (m_closed)
        return;
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
    if (m_lingering) {
        close();
        return;
    }
    if (tooManyQueued() || m_closing) {
        ++m_counters->slowRequests;
        close();
        return;
    }
    if (m_parser.inProgress()) {
        // A head or body too slow (gap, whole-head limit or minimum body rate).
        ++m_counters->slowRequests;
        refuse(408, "Request Timeout");
        return;
    }
    close();
}

void HttpConnection::scheduleRead()
{
    if (m_readScheduled || m_closed)
        return;
    m_readScheduled = true;
    QMetaObject::invokeMethod(this, &HttpConnection::onReadyRead, Qt::QueuedConnection);
}

void HttpConnection::onReadyRead()
{
    m_readScheduled = false;
    if (m_closed)
        return;
    if (m_lingering) {
        // Refused: what the client still sends is read and dropped (see linger()).
        char sink[16 * 1024];
        qint64 n;
        while ((n = m_socket->read(sink, sizeof sink)) > 0)
            m_bytesRead += quint64(n);
        if (n < 0)
            close();
        return;
    }
    if (m_closing)
        return;
    if (blocked()) {
        m_readPaused = true; // read again as answers go out (complete(), onBytesWritten())
        armTimer();
        return;
    }
    m_readPaused = false;
    const qint64 take = qMin(m_socket->bytesAvailable(), kReadPerTurn);
    if (take > 0) {
        const qsizetype had = m_buffer.size();
        m_buffer.resize(had + qsizetype(take));
        const qint64 n = m_socket->read(m_buffer.data() + had, take);
        m_buffer.resize(had + qsizetype(qMax<qint64>(n, 0)));
        if (n < 0) {
            close();
            return;
        }
        m_bytesRead += quint64(n);
        m_lastActivity = m_clock.elapsed();
    }
    if (m_buffer.isEmpty())
        return;
    process();
    // Bytes left in the socket's buffer raise no further readyRead: read them on the next turn
    // (other connections get theirs in between).
    if (!m_closed && !m_closing && !m_readPaused && m_socket->bytesAvailable() > 0)
        scheduleRead();
}

void HttpConnection::process()
{
    while (!m_buffer.isEmpty() && !m_closing && !m_closed) {
        if (blocked()) {
            m_readPaused = true;
            break;
        }
        if (!m_parser.inProgress())
            m_headStartedAt = m_clock.elapsed();
        const qsizetype used = m_parser.feed(m_buffer.constData(), m_buffer.size());
        m_buffer.remove(0, used);
        if (m_parser.hasError()) {
            refuse(m_parser.errorStatus(), m_parser.errorMessage());
            return;
        }
        if (m_parser.headComplete() && !m_parser.isDone() && m_bodyStartedAt < 0)
            m_bodyStartedAt = m_clock.elapsed();
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
        m_bodyStartedAt = -1;
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
    request.peerAddress = m_peerAddress;
    request.peerPort = m_peerPort;
    request.localPort = m_localPort;
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
    if (m_closed)
        return;
    QByteArray out;
    bool closeAfter = false;
    if (sequence == m_nextToWrite && m_ready.isEmpty()) {
        // The next answer due and nothing held back (the usual case): out without the map.
        ++m_nextToWrite;
        out = std::move(bytes);
        closeAfter = close;
    } else {
        m_readyBytes += bytes.size();
        m_ready.insert(sequence, {std::move(bytes), close});
        while (!m_ready.isEmpty() && m_ready.firstKey() == m_nextToWrite) {
            auto entry = m_ready.take(m_nextToWrite++);
            m_readyBytes -= entry.first.size();
            out += entry.first;
            if (entry.second) {
                closeAfter = true;
                break;
            }
        }
    }
    if (!out.isEmpty()) {
        writeNow(m_socket, out.constData(), out.size());
        m_lastActivity = m_clock.elapsed();
    }
    reportQueued();
    if (closeAfter) {
        m_closing = true;
        if (m_refused)
            linger();
        else
            m_socket->disconnectFromHost();
        armTimer();
        return;
    }
    if (m_readPaused && !blocked())
        scheduleRead();
    armTimer();
}

void HttpConnection::onBytesWritten()
{
    if (m_closed)
        return;
    m_lastActivity = m_clock.elapsed(); // the client is taking its answers
    reportQueued();
    if (m_lingering && m_socket->bytesToWrite() == 0)
        ::shutdown(int(m_socket->socketDescriptor()), SHUT_WR);
    if (m_readPaused && !blocked())
        scheduleRead();
    armTimer();
}

void HttpConnection::refuse(int status, const QByteArray &message)
{
    // Answer after whatever is already queued, then close without parsing the rest.
    m_refused = true;
    m_closing = true;
    m_buffer.clear();
    m_timer.stop();
    complete(m_nextSequence++, serializeResponse(listenerErrorResponse(status, message), false, true), true);
}

// nginx's lingering close: the client may still be sending the request we refused (a body over
// the limit, say). Closing with its bytes unread would make the kernel reset the connection, and
// a client that has not read our answer yet would lose it. So the answer is followed by a FIN,
// what still arrives is read and dropped, and the connection closes when the client closes or
// after lingerMs.
void HttpConnection::linger()
{
    m_lingering = true;
    m_lingerStartedAt = m_clock.elapsed();
    m_buffer.clear();
    if (m_socket->bytesToWrite() == 0)
        ::shutdown(int(m_socket->socketDescriptor()), SHUT_WR);
    scheduleRead();
}

HttpConnection::Reclaim HttpConnection::reclaimable() const
{
    if (m_closed)
        return Reclaim::No;
    if (m_lingering)
        return Reclaim::Idle; // answered; only draining
    if (m_closing || m_nextToWrite != m_nextSequence || queuedBytes() > 0)
        return Reclaim::No; // answers owed or going out: working for its client
    // Idle: a keep-alive connection between requests. One that has sent no request yet counts as
    // a slow request begun when it connected, so fresh connections are not taken before old
    // trickling ones.
    return m_parser.inProgress() || m_nextSequence == 0 ? Reclaim::Slow : Reclaim::Idle;
}

qint64 HttpConnection::reclaimRank() const
{
    const qint64 at = reclaimable() == Reclaim::Slow ? m_headStartedAt : qMax(m_lastActivity, m_lingerStartedAt);
    return m_clock.msecsSinceReference() + at;
}

void HttpConnection::reclaim()
{
    if (reclaimable() == Reclaim::Slow) {
        // Best effort: tell the client why (nothing is queued before it: reclaimable() said so).
        const QByteArray answer = serializeResponse(listenerErrorResponse(408, "Request Timeout"), false, true);
        writeNow(m_socket, answer.constData(), answer.size());
    }
    close();
}

void HttpConnection::close()
{
    if (m_closed)
        return;
    m_closed = true;
    if (m_socket->state() != QAbstractSocket::UnconnectedState)
        m_socket->abort();
    m_timer.stop();
    reportQueued();
    emit finished();
    deleteLater();
}

} // namespace gw::runtime
