#include "upstreamserver.h"

#include <QPointer>
#include <QTcpSocket>
#include <QTimer>

namespace gwtest {

UpstreamServer::UpstreamServer(QObject *parent) : QTcpServer(parent)
{
    m_handler = [](const gw::HttpRequest &) { return Answer{gw::HttpResponse{200, {}, "ok"}, 0}; };
    listen(QHostAddress::LocalHost, 0);
}

QString UpstreamServer::baseUrl() const
{
    return QStringLiteral("http://127.0.0.1:%1").arg(serverPort());
}

void UpstreamServer::incomingConnection(qintptr descriptor)
{
    auto *socket = new QTcpSocket(this);
    socket->setSocketDescriptor(descriptor);
    ++m_accepted;
    m_buffers.insert(socket, QByteArray());
    m_maxOpen = qMax(m_maxOpen, int(m_buffers.size()));
    connect(socket, &QTcpSocket::readyRead, this, [this, socket]() { onReadyRead(socket); });
    connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    connect(socket, &QObject::destroyed, this, [this, socket]() { m_buffers.remove(socket); });
}

void UpstreamServer::closeAllConnections()
{
    const auto sockets = m_buffers.keys();
    for (QTcpSocket *s : sockets)
        s->disconnectFromHost();
}

void UpstreamServer::onReadyRead(QTcpSocket *socket)
{
    QByteArray &buffer = m_buffers[socket];
    buffer += socket->readAll();
    for (;;) {
        const auto headerEnd = buffer.indexOf("\r\n\r\n");
        if (headerEnd < 0)
            return;
        const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
        gw::HttpRequest request;
        const QList<QByteArray> requestLine = lines.first().trimmed().split(' ');
        request.method = requestLine.value(0);
        request.target = requestLine.value(1);
        request.protocol = requestLine.value(2);
        qsizetype contentLength = 0;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines[i].trimmed();
            const auto colon = line.indexOf(':');
            if (colon <= 0)
                continue;
            const QByteArray name = line.left(colon).trimmed();
            const QByteArray value = line.mid(colon + 1).trimmed();
            request.headers.append(name, value);
            if (name.compare("content-length", Qt::CaseInsensitive) == 0)
                contentLength = value.toLongLong();
        }
        if (buffer.size() < headerEnd + 4 + contentLength)
            return;
        request.body = buffer.mid(headerEnd + 4, contentLength);
        buffer.remove(0, headerEnd + 4 + contentLength);
        m_received.append(request);

        const Answer answer = m_handler(request);
        if (answer.dropConnection) {
            buffer.clear();
            socket->abort();
            return;
        }
        QByteArray out = "HTTP/1.1 " + QByteArray::number(answer.response.status) + ' '
                         + gw::reasonPhrase(answer.response.status) + "\r\n";
        for (const auto &h : answer.response.headers)
            out += h.first + ": " + h.second + "\r\n";
        out += "Content-Length: " + QByteArray::number(answer.response.body.size()) + "\r\n\r\n" + answer.response.body;
        QPointer<QTcpSocket> guard(socket);
        if (answer.delayMs > 0)
            QTimer::singleShot(answer.delayMs, this, [guard, out]() { if (guard) guard->write(out); });
        else
            socket->write(out);
    }
}

} // namespace gwtest
