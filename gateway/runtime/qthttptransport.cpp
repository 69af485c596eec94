#include "qthttptransport.h"

#include <QDateTime>
#include <QHttpServerRequest>
#include <QLocale>
#include <QTcpSocket>

namespace gw::runtime {

QtHttpTransport::QtHttpTransport(RequestHandler handler, QObject *parent)
    : QAbstractHttpServer(parent), m_handler(std::move(handler))
{
}

static QByteArray methodName(QHttpServerRequest::Method m)
{
    switch (m) {
    case QHttpServerRequest::Method::Get: return "GET";
    case QHttpServerRequest::Method::Put: return "PUT";
    case QHttpServerRequest::Method::Delete: return "DELETE";
    case QHttpServerRequest::Method::Post: return "POST";
    case QHttpServerRequest::Method::Head: return "HEAD";
    case QHttpServerRequest::Method::Options: return "OPTIONS";
    case QHttpServerRequest::Method::Patch: return "PATCH";
    case QHttpServerRequest::Method::Connect: return "CONNECT";
    case QHttpServerRequest::Method::Trace: return "TRACE";
    default: return "UNKNOWN";
    }
}

// The Date header changes once a second; format it once a second per thread.
static QByteArray httpDate()
{
    thread_local qint64 second = -1;
    thread_local QByteArray text;
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    if (now != second) {
        second = now;
        text = QLocale::c().toString(QDateTime::fromSecsSinceEpoch(now, Qt::UTC), QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'")).toLatin1();
    }
    return text;
}

QByteArray QtHttpTransport::serialize(const HttpResponse &response, bool headRequest, bool close)
{
    QByteArray out;
    out.reserve(256 + response.body.size());
    out += "HTTP/1.1 " + QByteArray::number(response.status) + ' ' + reasonPhrase(response.status) + "\r\n";
    for (const auto &h : response.headers) {
        if (h.first.compare("content-length", Qt::CaseInsensitive) == 0 || h.first.compare("connection", Qt::CaseInsensitive) == 0
            || h.first.compare("transfer-encoding", Qt::CaseInsensitive) == 0)
            continue;
        out += h.first + ": " + h.second + "\r\n";
    }
    out += "Date: " + httpDate() + "\r\n";
    out += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n";
    if (close)
        out += "Connection: close\r\n";
    out += "\r\n";
    if (!headRequest)
        out += response.body;
    return out;
}

bool QtHttpTransport::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    HttpRequest r;
    r.method = methodName(request.method());
    r.target = request.url().toEncoded(QUrl::RemoveScheme | QUrl::RemoveAuthority);
    if (r.target.isEmpty())
        r.target = "/";
    for (const auto &h : request.headers())
        r.headers.append(h.first, h.second);
    r.body = request.body();
    r.peerAddress = request.remoteAddress();
    r.peerPort = socket->peerPort();
    r.localPort = socket->localPort();
    const QByteArray connection = r.headers.value("connection").toLower();
    const bool close = connection.contains("close");
    const bool head = r.method == "HEAD";

    auto it = m_connections.find(socket);
    if (it == m_connections.end()) {
        it = m_connections.insert(socket, Connection{});
        connect(socket, &QObject::destroyed, this, [this, socket]() { m_connections.remove(socket); });
    }
    const quint64 sequence = it->nextSequence++;
    QPointer<QTcpSocket> guard(socket);
    QPointer<QtHttpTransport> self(this);
    m_handler(std::move(r), [self, guard, sequence, head, close](HttpResponse response) {
        if (!self)
            return;
        self->complete(guard, sequence, serialize(response, head, close), close);
    });
    return true;
}

void QtHttpTransport::complete(QPointer<QTcpSocket> socket, quint64 sequence, QByteArray bytes, bool close)
{
    if (!socket)
        return; // the client left; the answer is dropped
    auto it = m_connections.find(socket.data());
    if (it == m_connections.end())
        return;
    it->ready.insert(sequence, {std::move(bytes), close});
    while (!it->ready.isEmpty() && it->ready.firstKey() == it->nextToWrite) {
        auto entry = it->ready.take(it->nextToWrite);
        ++it->nextToWrite;
        socket->write(entry.first);
        if (entry.second) {
            socket->disconnectFromHost();
            break;
        }
    }
}

void QtHttpTransport::missingHandler(const QHttpServerRequest &, QTcpSocket *socket)
{
    socket->write(serialize(HttpResponse{500, {}, {}}, false, true));
    socket->disconnectFromHost();
}

} // namespace gw::runtime
