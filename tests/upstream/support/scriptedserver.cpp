#include "scriptedserver.h"

#include <QPointer>
#include <QSslServer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

namespace gwtest {

struct ScriptedServer::Connection
{
    int number = 0;
    int requests = 0;
    bool busy = false;
    QByteArray buffer;
};

Reply Reply::ok(const QByteArray &body, const QByteArray &extraHeaders)
{
    return raw("HTTP/1.1 200 OK\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n" + extraHeaders + "\r\n" + body);
}

Reply Reply::chunked(const QList<QByteArray> &chunks)
{
    Reply r;
    r.pieces.append("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n");
    for (const QByteArray &c : chunks)
        r.pieces.append(QByteArray::number(c.size(), 16) + "\r\n" + c + "\r\n");
    r.pieces.append("0\r\n\r\n");
    return r;
}

ScriptedServer::ScriptedServer(Script script, QObject *parent)
    : QObject(parent)
    , m_script(std::move(script))
{
}

ScriptedServer::~ScriptedServer()
{
    for (auto it = m_connections.keyBegin(); it != m_connections.keyEnd(); ++it)
        (*it)->disconnect(this);
}

bool ScriptedServer::listen()
{
    m_server = new QTcpServer(this);
    connect(m_server, &QTcpServer::pendingConnectionAvailable, this, &ScriptedServer::onPending);
    return m_server->listen(QHostAddress::LocalHost, 0);
}

bool ScriptedServer::listenTls(const QSslConfiguration &configuration)
{
    auto *server = new QSslServer(this);
    server->setSslConfiguration(configuration);
    m_server = server;
    connect(m_server, &QTcpServer::pendingConnectionAvailable, this, &ScriptedServer::onPending);
    return m_server->listen(QHostAddress::LocalHost, 0);
}

quint16 ScriptedServer::port() const
{
    return m_server->serverPort();
}

QUrl ScriptedServer::url(const QString &pathAndQuery, const QString &host) const
{
    const bool tls = qobject_cast<QSslServer *>(m_server);
    return QUrl((tls ? QStringLiteral("https://") : QStringLiteral("http://")) + host + QLatin1Char(':')
                + QString::number(port()) + pathAndQuery);
}

void ScriptedServer::onPending()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        auto c = std::make_shared<Connection>();
        c->number = ++m_accepted;
        m_connections.insert(socket, c);
        m_maxOpen = qMax(m_maxOpen, openConnections());
        connect(socket, &QIODevice::readyRead, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QAbstractSocket::disconnected, this, [this, socket] {
            m_connections.remove(socket);
            socket->deleteLater();
        });
        onReadyRead(socket);
    }
}

void ScriptedServer::onReadyRead(QTcpSocket *socket)
{
    const std::shared_ptr<Connection> c = m_connections.value(socket);
    if (!c)
        return;
    c->buffer += socket->readAll();
    while (!c->busy) {
        const qsizetype end = c->buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        ReceivedRequest r;
        const QList<QByteArray> lines = c->buffer.left(end).split('\n');
        const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
        r.method = requestLine.value(0);
        r.target = requestLine.value(1);
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines[i].indexOf(':');
            r.headers.append(lines[i].left(colon), lines[i].mid(colon + 1).trimmed());
        }
        const qsizetype length = r.headers.value("content-length", "0").toLongLong();
        if (c->buffer.size() < end + 4 + length)
            return;
        r.body = c->buffer.mid(end + 4, length);
        c->buffer.remove(0, end + 4 + length);
        r.connection = c->number;
        r.indexOnConnection = ++c->requests;
        m_requests.append(r);
        c->busy = true;
        const Reply reply = m_script(r);
        if (requestCount() < m_holdUntil) {
            m_held.append({socket, reply});
            continue;
        }
        const auto held = std::exchange(m_held, {});
        for (const auto &[s, heldReply] : held)
            respond(s, heldReply);
        respond(socket, reply);
    }
}

void ScriptedServer::respond(QTcpSocket *socket, const Reply &reply)
{
    if (reply.closeWithoutAnswer) {
        socket->disconnectFromHost();
        return;
    }
    if (reply.silent)
        return;
    QPointer<QTcpSocket> guard(socket);
    QTimer::singleShot(reply.delayMs, this, [this, guard, reply] {
        if (guard)
            writePieces(guard, reply, 0);
    });
}

void ScriptedServer::writePieces(QTcpSocket *socket, Reply reply, int next)
{
    if (next < reply.pieces.size()) {
        socket->write(reply.pieces[next]);
        socket->flush();
        QPointer<QTcpSocket> guard(socket);
        QTimer::singleShot(reply.pieceDelayMs, this, [this, guard, reply, next] {
            if (guard)
                writePieces(guard, reply, next + 1);
        });
        return;
    }
    if (const std::shared_ptr<Connection> c = m_connections.value(socket)) {
        c->busy = false;
        if (!reply.closeAfter)
            onReadyRead(socket); // a request that arrived meanwhile
    }
    if (reply.closeAfter)
        socket->disconnectFromHost();
}

void ScriptedServer::closeIdleConnections()
{
    const QList<QTcpSocket *> sockets = m_connections.keys();
    for (QTcpSocket *s : sockets)
        if (!m_connections.value(s)->busy)
            s->disconnectFromHost();
}

} // namespace gwtest
