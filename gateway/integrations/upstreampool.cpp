#include "upstreampool.h"

#include <QPointer>
#include <QElapsedTimer>
#include <QTimer>

namespace gw::integrations {

using pipeline::EndpointResult;

struct UpstreamPool::Pending
{
    UpstreamConnection::Key key;
    QByteArray wire;
    bool head = false;
    int timeoutMs = 29000;
    QElapsedTimer clock;
    Callback callback;
    QPointer<UpstreamConnection> connection;
    bool idempotent = false; // RFC 9110 §9.2.2: may be sent again after a failure
    bool retried = false;
    bool done = false;
};

bool isIdempotentMethod(const QByteArray &method)
{
    return method == "GET" || method == "HEAD" || method == "OPTIONS" || method == "PUT" || method == "DELETE" || method == "TRACE";
}

UpstreamPool::UpstreamPool(int maxPerHost, QObject *parent) : QObject(parent), m_maxPerHost(maxPerHost) {}

UpstreamPool::~UpstreamPool()
{
    for (auto &list : m_connections)
        for (UpstreamConnection *c : list)
            c->disconnect(this);
}

int UpstreamPool::openConnections() const
{
    int n = 0;
    for (const auto &list : m_connections)
        n += int(list.size());
    return n;
}

QByteArray UpstreamPool::serialize(const pipeline::EndpointRequest &request, const QUrl &url)
{
    QByteArray target = url.path(QUrl::FullyEncoded).toLatin1();
    if (target.isEmpty())
        target = "/";
    if (url.hasQuery())
        target += '?' + url.query(QUrl::FullyEncoded).toLatin1();
    QByteArray out;
    out.reserve(256 + request.body.size());
    out += request.method + ' ' + target + " HTTP/1.1\r\n";
    bool hasHost = false;
    for (const auto &h : request.headers) {
        if (h.first.compare("content-length", Qt::CaseInsensitive) == 0 || h.first.compare("transfer-encoding", Qt::CaseInsensitive) == 0
            || h.first.compare("connection", Qt::CaseInsensitive) == 0)
            continue;
        hasHost = hasHost || h.first.compare("host", Qt::CaseInsensitive) == 0;
        out += h.first + ": " + h.second + "\r\n";
    }
    if (!hasHost) {
        const int port = url.port();
        const bool defaultPort = port < 0 || (url.scheme() == QLatin1String("http") && port == 80)
                                 || (url.scheme() == QLatin1String("https") && port == 443);
        out += "Host: " + url.host(QUrl::FullyEncoded).toLatin1() + (defaultPort ? QByteArray() : ':' + QByteArray::number(port)) + "\r\n";
    }
    if (!request.body.isEmpty() || (request.method != "GET" && request.method != "HEAD" && request.method != "DELETE" && request.method != "OPTIONS"))
        out += "Content-Length: " + QByteArray::number(request.body.size()) + "\r\n";
    out += "\r\n";
    out += request.body;
    return out;
}

pipeline::UpstreamTransport::Cancel UpstreamPool::send(const pipeline::EndpointRequest &request, Callback callback)
{
    auto pending = std::make_shared<Pending>();
    pending->callback = std::move(callback);
    pending->timeoutMs = request.timeoutMs;
    pending->head = request.method == "HEAD";
    pending->idempotent = isIdempotentMethod(request.method);
    pending->clock.start();
    const QUrl &url = request.url;
    const QString scheme = url.scheme().toLower();
    if ((scheme != QLatin1String("http") && scheme != QLatin1String("https")) || url.host().isEmpty()) {
        QTimer::singleShot(0, this, [pending]() {
            if (!pending->done && pending->callback) {
                pending->done = true;
                pending->callback({EndpointResult::Error::InvalidEndpoint, QStringLiteral("not an http(s) URL"), 0, {}, {}});
            }
        });
        return [pending]() { pending->done = true; };
    }
    pending->key.tls = scheme == QLatin1String("https");
    QString host = url.host();
    // glibc does not resolve *.localhost; curl and browsers send it to loopback, and so do we.
    if (host == QLatin1String("localhost") || host.endsWith(QLatin1String(".localhost")))
        host = QStringLiteral("127.0.0.1");
    pending->key.host = host;
    pending->key.port = quint16(url.port(pending->key.tls ? 443 : 80));
    pending->key.insecure = request.insecureSkipVerification;
    pending->wire = serialize(request, url);
    // Defer so that callbacks never run inside send() (a posted call is cheaper than a timer).
    QMetaObject::invokeMethod(this, [this, pending]() { dispatch(pending); }, Qt::QueuedConnection);
    std::weak_ptr<Pending> weak = pending;
    return [this, weak]() {
        auto p = weak.lock();
        if (!p || p->done)
            return;
        p->done = true;
        p->callback = nullptr;
        if (p->connection)
            p->connection->abandon();
    };
}

void UpstreamPool::dispatch(const std::shared_ptr<Pending> &pending)
{
    if (pending->done)
        return;
    auto &list = m_connections[pending->key];
    UpstreamConnection *connection = nullptr;
    for (UpstreamConnection *c : list) {
        // A request that must not be sent twice first makes sure that the idle connection has
        // not been closed by the endpoint meanwhile, since it will not be retried.
        if (c->isIdle() && (pending->idempotent || c->peerStillOpen())) {
            connection = c;
            break;
        }
    }
    if (!connection) {
        if (list.size() >= m_maxPerHost) {
            m_queues[pending->key].push_back(pending);
            return;
        }
        connection = new UpstreamConnection(pending->key, this);
        connect(connection, &UpstreamConnection::idle, this, &UpstreamPool::onIdle);
        connect(connection, &UpstreamConnection::closed, this, &UpstreamPool::onClosed);
        list.append(connection);
        ++m_opened;
    }
    pending->connection = connection;
    const int left = pending->timeoutMs - int(pending->clock.elapsed());
    if (left <= 0) {
        pending->done = true;
        pending->callback({EndpointResult::Error::Timeout, QStringLiteral("Endpoint request timed out"), 0, {}, {}});
        return;
    }
    connection->start(pending->wire, pending->head, left, [this, pending](EndpointResult result, bool safeToRetry) {
        if (pending->done)
            return;
        pending->connection = nullptr;
        if (safeToRetry && pending->idempotent && !pending->retried) {
            // The pooled connection had gone stale; once more on a fresh one. Only for
            // idempotent methods: the endpoint may have read the request before it closed,
            // and a POST sent twice creates two orders (nginx's proxy_next_upstream agrees).
            pending->retried = true;
            QTimer::singleShot(0, this, [this, pending]() { dispatch(pending); });
            return;
        }
        pending->done = true;
        auto callback = std::move(pending->callback);
        callback(std::move(result));
    });
}

void UpstreamPool::onIdle(UpstreamConnection *connection)
{
    auto it = m_queues.find(connection->key());
    if (it == m_queues.end())
        return;
    while (!it->empty()) {
        auto next = it->front();
        it->pop_front();
        if (!next->done) {
            dispatch(next);
            return;
        }
    }
}

void UpstreamPool::onClosed(UpstreamConnection *connection)
{
    const auto key = connection->key();
    auto it = m_connections.find(key);
    if (it != m_connections.end()) {
        it->removeOne(connection);
        if (it->isEmpty())
            m_connections.erase(it);
    }
    connection->deleteLater();
    // A slot opened for this host: start the next queued request.
    auto q = m_queues.find(key);
    while (q != m_queues.end() && !q->empty()) {
        auto next = q->front();
        q->pop_front();
        if (!next->done) {
            dispatch(next);
            break;
        }
    }
}

} // namespace gw::integrations
