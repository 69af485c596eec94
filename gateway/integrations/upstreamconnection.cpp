#include "upstreamconnection.h"

#include "gateway/core/socketwrite.h"

#include <QSslSocket>
#include <QTcpSocket>

#include <cerrno>
#include <sys/socket.h>

namespace gw::integrations {

using pipeline::EndpointResult;

size_t qHash(const UpstreamConnection::Key &key, size_t seed)
{
    return qHashMulti(seed, key.tls, key.host, key.port, key.insecure);
}

UpstreamConnection::UpstreamConnection(const Key &key, QObject *parent) : QObject(parent), m_key(key)
{
    m_timer.setSingleShot(true);
    m_clock.start();
    connect(&m_timer, &QTimer::timeout, this, [this]() {
        if (!m_busy)
            return; // a deadline left over from an earlier request
        const qint64 now = m_clock.elapsed();
        if (now < m_due) {
            m_timerDue = m_due;
            m_timer.start(int(m_due - now));
            return;
        }
        m_usable = false;
        finish({EndpointResult::Error::Timeout, QStringLiteral("Endpoint request timed out"), 0, {}, {}}, false);
    });
}

UpstreamConnection::~UpstreamConnection()
{
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
    }
}

void UpstreamConnection::connectSocket()
{
    if (m_key.tls) {
        auto *ssl = new QSslSocket(this);
        if (m_key.insecure)
            ssl->setPeerVerifyMode(QSslSocket::VerifyNone);
        connect(ssl, &QSslSocket::encrypted, this, &UpstreamConnection::onConnected);
        connect(ssl, &QSslSocket::sslErrors, this, [this, ssl](const QList<QSslError> &errors) {
            if (m_key.insecure)
                ssl->ignoreSslErrors();
            else if (!errors.isEmpty())
                m_pending.clear(); // the error handler reports it
        });
        m_socket = ssl;
    } else {
        m_socket = new QTcpSocket(this);
        connect(m_socket, &QTcpSocket::connected, this, &UpstreamConnection::onConnected);
    }
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    connect(m_socket, &QTcpSocket::readyRead, this, &UpstreamConnection::onReadyRead);
    connect(m_socket, &QTcpSocket::disconnected, this, &UpstreamConnection::onDisconnected);
    connect(m_socket, &QTcpSocket::errorOccurred, this, &UpstreamConnection::onError);
    if (m_key.tls)
        static_cast<QSslSocket *>(m_socket)->connectToHostEncrypted(m_key.host, m_key.port);
    else
        m_socket->connectToHost(m_key.host, m_key.port);
}

void UpstreamConnection::start(QByteArray wire, bool headRequest, int timeoutMs, Done done)
{
    m_busy = true;
    m_done = std::move(done);
    m_parser = ResponseParser(headRequest);
    m_sentAnything = false;
    ++m_requests;
    // Lazy timer: restarted only when this deadline is earlier than the pending one, so a
    // kept-alive connection costs no timer work per request; the handler checks m_due.
    m_due = m_clock.elapsed() + qMax(1, timeoutMs);
    if (!m_timer.isActive() || m_timerDue > m_due) {
        m_timerDue = m_due;
        m_timer.start(qMax(1, timeoutMs));
    }
    if (!m_socket) {
        m_pending = std::move(wire);
        connectSocket();
        return;
    }
    if (m_connected) {
        m_sentAnything = true;
        send(wire);
    } else {
        m_pending = std::move(wire);
    }
}

// Plain TCP leaves at once (gw::writeNow: no write notifier, no extra event-loop turn); TLS
// through the socket, which encrypts.
void UpstreamConnection::send(const QByteArray &wire)
{
    if (m_key.tls)
        m_socket->write(wire);
    else
        writeNow(m_socket, wire.constData(), wire.size());
}

void UpstreamConnection::onConnected()
{
    m_connected = true;
    if (!m_pending.isEmpty()) {
        m_sentAnything = true;
        send(std::exchange(m_pending, QByteArray()));
    }
}

void UpstreamConnection::onReadyRead()
{
    const QByteArray data = m_socket->readAll();
    if (!m_busy) {
        // Bytes nobody asked for: the connection is out of step; never reuse it.
        retire();
        return;
    }
    const qsizetype used = m_parser.feed(data.constData(), data.size());
    if (m_parser.hasError()) {
        m_usable = false;
        finish({m_parser.tooLarge() ? EndpointResult::Error::TooLarge : EndpointResult::Error::ProtocolError,
                m_parser.error(), 0, {}, {}}, false);
        return;
    }
    if (m_parser.isDone()) {
        if (used < data.size() || !m_parser.keepAlive())
            m_usable = false; // extra bytes after a response, or the endpoint wants to close
        HttpResponse response = m_parser.takeResponse();
        finish({EndpointResult::Error::None, {}, response.status, std::move(response.headers), std::move(response.body)}, false);
    }
}

void UpstreamConnection::onDisconnected()
{
    m_usable = false;
    m_connected = false;
    if (m_busy) {
        m_parser.finishOnClose();
        if (m_parser.isDone()) {
            HttpResponse response = m_parser.takeResponse();
            finish({EndpointResult::Error::None, {}, response.status, std::move(response.headers), std::move(response.body)}, false);
        } else {
            // A kept-alive connection the endpoint had already closed: nothing was answered,
            // so the pool may send the request again on a fresh connection.
            const bool stale = m_requests > 1 && !m_parser.receivedAnything();
            finish({EndpointResult::Error::NetworkError, m_parser.error(), 0, {}, {}}, stale);
        }
    }
    retire();
}

void UpstreamConnection::onError()
{
    if (!m_busy || !m_socket)
        return;
    EndpointResult::Error kind = EndpointResult::Error::NetworkError;
    switch (m_socket->error()) {
    case QAbstractSocket::ConnectionRefusedError: kind = EndpointResult::Error::ConnectionRefused; break;
    case QAbstractSocket::HostNotFoundError: kind = EndpointResult::Error::InvalidEndpoint; break;
    case QAbstractSocket::SslHandshakeFailedError:
    case QAbstractSocket::SslInvalidUserDataError:
    case QAbstractSocket::SslInternalError: kind = EndpointResult::Error::TlsError; break;
    case QAbstractSocket::RemoteHostClosedError: return; // onDisconnected decides
    default: break;
    }
    m_usable = false;
    finish({kind, m_socket->errorString(), 0, {}, {}}, false);
}

void UpstreamConnection::finish(EndpointResult result, bool safeToRetry)
{
    if (!m_busy)
        return;
    m_busy = false;
    Done done = std::move(m_done);
    m_done = nullptr;
    done(std::move(result), safeToRetry);
    if (m_usable)
        emit idle(this);
    else
        retire();
}

void UpstreamConnection::retire()
{
    if (m_retired)
        return;
    m_retired = true;
    m_usable = false;
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
    }
    emit closed(this);
}

bool UpstreamConnection::peerStillOpen() const
{
    if (!m_socket || !m_connected || m_socket->state() != QAbstractSocket::ConnectedState || m_socket->bytesAvailable() > 0)
        return false;
    // Anything readable on an idle connection (EOF, a reset, or bytes nobody asked for) means
    // it cannot carry a request safely.
    char byte;
    const ssize_t n = ::recv(int(m_socket->socketDescriptor()), &byte, 1, MSG_PEEK | MSG_DONTWAIT);
    return n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK);
}

void UpstreamConnection::abandon()
{
    m_done = nullptr;
    m_busy = false;
    m_timer.stop();
    retire();
}

} // namespace gw::integrations
