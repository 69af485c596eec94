#include "upstreamconnection.h"

#include "deadline.h"
#include "hostpool.h"

#include "gateway/core/socketwrite.h"

#include <QElapsedTimer>
#include <QNetworkProxy>
#include <QSslSocket>
#include <QTcpSocket>

#include <cerrno>
#include <sys/socket.h>

namespace gw::upstream {

namespace {

constexpr qsizetype kOneWrite = 64 * 1024;   // head and body up to this size leave in one write
constexpr qsizetype kBodySlice = 64 * 1024;  // larger bodies are handed over in slices...
constexpr qint64 kHighWater = 256 * 1024;    // ...keeping at most this much queued in the socket

} // namespace

UpstreamConnection::UpstreamConnection(const UpstreamEndpoint &endpoint, HostPool *pool, const ResponseLimits &limits,
                                       int idleTimeoutMs, const QElapsedTimer &clock, Owner *owner, QObject *parent)
    : QObject(parent)
    , m_endpoint(endpoint)
    , m_pool(pool)
    , m_owner(owner)
    , m_clock(clock)
    , m_idleTimeoutMs(idleTimeoutMs)
    , m_parser(limits)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &UpstreamConnection::onTimer);
}

UpstreamConnection::~UpstreamConnection()
{
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
    }
}

bool UpstreamConnection::isUsable(bool probe) const
{
    if (m_state != State::Idle || m_socket->state() != QAbstractSocket::ConnectedState || m_socket->bytesAvailable() > 0)
        return false;
    if (!probe)
        return true;
    char byte;
    const ssize_t n = ::recv(static_cast<int>(m_socket->socketDescriptor()), &byte, 1, MSG_PEEK | MSG_DONTWAIT);
    return n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK);
}

void UpstreamConnection::start(std::shared_ptr<Exchange> exchange)
{
    m_exchange = std::move(exchange);
    m_exchange->connection = this;
    m_parser.reset(m_exchange->headRequest);
    switch (m_state) {
    case State::New:
        connectSocket();
        break;
    case State::Connecting:
        armTimer(qMin(m_connectDue, m_exchange->deadline));
        break;
    case State::Idle:
        sendRequest();
        break;
    case State::Active:
    case State::Closed:
        Q_ASSERT_X(false, "UpstreamConnection::start", "connection busy or closed");
        break;
    }
}

void UpstreamConnection::connectSocket()
{
    m_state = State::Connecting;
    if (m_endpoint.tls) {
        auto *ssl = new QSslSocket(this);
        if (m_endpoint.insecure)
            ssl->setPeerVerifyMode(QSslSocket::VerifyNone);
        connect(ssl, &QSslSocket::encrypted, this, &UpstreamConnection::onConnected);
        connect(ssl, &QSslSocket::sslErrors, this, [this](const QList<QSslError> &errors) {
            for (const QSslError &e : errors)
                m_tlsErrors += QStringLiteral("; ") + e.errorString();
        });
        m_socket = ssl;
    } else {
        m_socket = new QTcpSocket(this);
        connect(m_socket, &QTcpSocket::connected, this, &UpstreamConnection::onConnected);
    }
    m_socket->setProxy(QNetworkProxy::NoProxy);
    connect(m_socket, &QIODevice::readyRead, this, &UpstreamConnection::onReadyRead);
    connect(m_socket, &QAbstractSocket::errorOccurred, this, &UpstreamConnection::onError);
    connect(m_socket, &QAbstractSocket::disconnected, this, &UpstreamConnection::onPeerClosed);
    m_connectDue = m_clock.elapsed() + m_exchange->connectTimeoutMs;
    armTimer(qMin(m_connectDue, m_exchange->deadline));
    // Posted: a socket may report an immediate failure from inside connectToHost(), and no
    // outcome may reach the owner from inside UpstreamClient::send().
    QMetaObject::invokeMethod(
        this,
        [this] {
            if (m_state != State::Connecting)
                return;
            if (auto *ssl = qobject_cast<QSslSocket *>(m_socket))
                ssl->connectToHostEncrypted(m_endpoint.connectHost(), m_endpoint.port, m_endpoint.host);
            else
                m_socket->connectToHost(m_endpoint.connectHost(), m_endpoint.port);
        },
        Qt::QueuedConnection);
}

void UpstreamConnection::onConnected()
{
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    if (m_exchange) {
        sendRequest();
        return;
    }
    m_state = State::Idle;
    armTimer(m_clock.elapsed() + m_idleTimeoutMs);
    m_owner->connectionReady(this);
}

void UpstreamConnection::sendRequest()
{
    m_state = State::Active;
    ++m_uses;
    const Exchange &ex = *m_exchange;
    armTimer(ex.deadline);
    const qsizetype total = ex.head.size() + ex.body.size();
    // Plain TCP leaves at once (gw::writeNow); TLS through the socket, which encrypts.
    const auto send = [this](const QByteArray &bytes) {
        if (m_endpoint.tls)
            m_socket->write(bytes);
        else
            writeNow(m_socket, bytes.constData(), bytes.size());
    };
    if (ex.body.isEmpty()) {
        send(ex.head);
    } else if (total <= kOneWrite) {
        QByteArray wire;
        wire.reserve(total);
        wire.append(ex.head).append(ex.body);
        send(wire);
    } else {
        m_socket->write(ex.head);
        m_bodyOffset = 0;
        m_pump = connect(m_socket, &QIODevice::bytesWritten, this, &UpstreamConnection::onBytesWritten);
        onBytesWritten();
    }
}

void UpstreamConnection::onBytesWritten()
{
    if (!m_exchange)
        return;
    const QByteArray &body = m_exchange->body;
    while (m_bodyOffset < body.size() && m_socket->bytesToWrite() < kHighWater) {
        const qsizetype n = qMin(kBodySlice, body.size() - m_bodyOffset);
        m_socket->write(body.constData() + m_bodyOffset, n);
        m_bodyOffset += n;
    }
    if (m_bodyOffset == body.size())
        disconnect(m_pump);
}

void UpstreamConnection::onReadyRead()
{
    if (m_state == State::Active)
        readAvailable();
    else if (m_state == State::Idle && m_socket->bytesAvailable() > 0)
        lose(); // bytes nobody asked for: the connection can't be trusted with a request
}

bool UpstreamConnection::readAvailable()
{
    char buffer[16 * 1024];
    while (m_exchange) {
        const qint64 n = m_socket->read(buffer, sizeof buffer);
        if (n <= 0)
            return false;
        qsizetype used = 0;
        switch (m_parser.feed(buffer, n, &used)) {
        case ResponseParser::Result::Complete:
            complete(used < n || m_socket->bytesAvailable() > 0);
            return true;
        case ResponseParser::Result::Error:
            fail(m_parser.failure() == ResponseParser::Failure::TooLarge ? UpstreamError::Kind::TooLarge
                                                                         : UpstreamError::Kind::ProtocolError,
                 m_parser.errorMessage() + QStringLiteral(" (") + m_endpoint.display() + QLatin1Char(')'));
            return true;
        case ResponseParser::Result::NeedMore:
            break;
        }
    }
    return false;
}

void UpstreamConnection::complete(bool extraBytes)
{
    std::shared_ptr<Exchange> ex = std::move(m_exchange);
    ex->connection = nullptr;
    const bool bodySent = !m_pump;
    const bool reusable = !extraBytes && bodySent && m_parser.keepAlive() && !ex->closeAfter
                          && m_socket->state() == QAbstractSocket::ConnectedState;
    if (reusable) {
        m_state = State::Idle;
        armTimer(m_clock.elapsed() + m_idleTimeoutMs);
    } else {
        close();
    }
    m_owner->exchangeDone(this, std::move(ex), m_parser.takeResponse(), reusable, false);
}

void UpstreamConnection::fail(UpstreamError::Kind kind, const QString &message)
{
    if (!m_exchange) {
        lose();
        return;
    }
    std::shared_ptr<Exchange> ex = std::move(m_exchange);
    ex->connection = nullptr;
    // A reused connection that ends before any response byte was most likely closed by the
    // server while idle; an idempotent request can safely go again.
    const bool retry = m_state == State::Active && m_uses > 1 && !m_parser.receivedAny() && ex->idempotent
                       && kind != UpstreamError::Kind::Timeout;
    close();
    m_owner->exchangeDone(this, std::move(ex), UpstreamError{kind, message}, false, retry);
}

void UpstreamConnection::onError(QAbstractSocket::SocketError error)
{
    if (m_state == State::Closed)
        return;
    if (error == QAbstractSocket::RemoteHostClosedError) {
        onPeerClosed();
        return;
    }
    using Kind = UpstreamError::Kind;
    Kind kind = m_state == State::Active ? Kind::ProtocolError : Kind::ConnectRefused;
    QString message = m_socket->errorString() + QStringLiteral(" (") + m_endpoint.display() + QLatin1Char(')');
    switch (error) {
    case QAbstractSocket::ConnectionRefusedError:
        kind = Kind::ConnectRefused;
        break;
    case QAbstractSocket::HostNotFoundError:
        kind = Kind::DnsFailure;
        break;
    case QAbstractSocket::SocketTimeoutError:
        kind = Kind::Timeout;
        break;
    case QAbstractSocket::SslHandshakeFailedError:
    case QAbstractSocket::SslInternalError:
    case QAbstractSocket::SslInvalidUserDataError:
        kind = Kind::TlsError;
        message += m_tlsErrors;
        break;
    default:
        break;
    }
    fail(kind, message);
}

void UpstreamConnection::onPeerClosed()
{
    if (m_state == State::Closed)
        return;
    if (m_state != State::Active || !m_exchange) {
        lose();
        return;
    }
    if (readAvailable()) // bytes that arrived with the close
        return;
    if (m_parser.finish() == ResponseParser::Result::Complete)
        complete(false);
    else
        fail(UpstreamError::Kind::ProtocolError,
             m_parser.errorMessage() + QStringLiteral(" (") + m_endpoint.display() + QLatin1Char(')'));
}

void UpstreamConnection::armTimer(qint64 due)
{
    // Lazy: a later deadline leaves the running timer alone (it re-arms when it fires), so a busy
    // keep-alive connection costs no timer work per request.
    m_due = due;
    if (m_timer.isActive() && m_timerDue <= due)
        return;
    m_timerDue = due;
    m_timer.start(millisecondsUntil(due, m_clock.elapsed()));
}

void UpstreamConnection::onTimer()
{
    const qint64 now = m_clock.elapsed();
    if (now < m_due) {
        m_timerDue = m_due;
        m_timer.start(millisecondsUntil(m_due, now));
        return;
    }
    switch (m_state) {
    case State::New:
    case State::Connecting:
        if (m_exchange && now < m_exchange->deadline)
            fail(UpstreamError::Kind::Timeout, QStringLiteral("connect to %1 timed out").arg(m_endpoint.display()));
        else
            fail(UpstreamError::Kind::Timeout, QStringLiteral("no connection to %1 within %2 ms")
                                                   .arg(m_endpoint.display()).arg(m_exchange ? m_exchange->timeoutMs : 0));
        break;
    case State::Active:
        fail(UpstreamError::Kind::Timeout, QStringLiteral("no complete response from %1 within %2 ms")
                                               .arg(m_endpoint.display()).arg(m_exchange->timeoutMs));
        break;
    case State::Idle:
        lose();
        break;
    case State::Closed:
        break;
    }
}

void UpstreamConnection::abandon()
{
    if (m_exchange)
        m_exchange->connection = nullptr;
    m_exchange.reset();
    if (m_state != State::New && m_state != State::Connecting)
        close();
}

void UpstreamConnection::close()
{
    if (m_state == State::Closed)
        return;
    m_state = State::Closed;
    m_timer.stop();
    disconnect(m_pump);
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
    }
}

void UpstreamConnection::lose()
{
    close();
    m_owner->connectionLost(this);
}

} // namespace gw::upstream
