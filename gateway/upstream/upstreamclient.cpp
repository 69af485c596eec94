#include "upstreamclient.h"

#include "deadline.h"
#include "requesthead.h"

#include <QSslSocket>

#include <limits>
#include <vector>

namespace gw::upstream {

using Kind = UpstreamError::Kind;

UpstreamClient::UpstreamClient(Options options, QObject *parent)
    : QObject(parent)
    , m_options(options)
{
    m_options.maxConnectionsPerHost = qMax(1, m_options.maxConnectionsPerHost);
    m_clock.start();
    m_queueTimer.setSingleShot(true);
    connect(&m_queueTimer, &QTimer::timeout, this, &UpstreamClient::expireQueued);
}

UpstreamClient::~UpstreamClient()
{
    // Connections are children; closed first, they can't report to a half-destroyed owner.
    const QList<UpstreamConnection *> connections = findChildren<UpstreamConnection *>(Qt::FindDirectChildrenOnly);
    for (UpstreamConnection *c : connections) {
        c->close();
        delete c;
    }
}

CancelHandle UpstreamClient::send(UpstreamRequest request, UpstreamCallback callback)
{
    auto ex = std::make_shared<Exchange>();
    ex->callback = std::move(callback);
    CancelHandle handle(ex, this);
    QString error;
    const std::optional<UpstreamEndpoint> endpoint =
        UpstreamEndpoint::fromUrl(request.url, request.insecureSkipVerification, &error);
    RequestHead head;
    if (!endpoint || !RequestHead::build(request, *endpoint, &head, &error)) {
        answerLater(ex, {Kind::InvalidRequest, error});
        return handle;
    }
    if (endpoint->tls && !QSslSocket::supportsSsl()) {
        answerLater(ex, {Kind::TlsError, QStringLiteral("TLS is not available (no OpenSSL backend)")});
        return handle;
    }
    ex->endpoint = *endpoint;
    ex->head = std::move(head.bytes);
    ex->closeAfter = head.closeAfter;
    ex->body = std::move(request.body);
    ex->headRequest = request.method == "HEAD";
    ex->idempotent = isIdempotentMethod(request.method);
    ex->timeoutMs = qMax(50, request.timeoutMs);
    ex->connectTimeoutMs = request.connectTimeoutMs > 0 ? request.connectTimeoutMs : ex->timeoutMs;
    ex->deadline = m_clock.elapsed() + ex->timeoutMs;
    dispatch(ex, false);
    return handle;
}

void UpstreamClient::dispatch(const std::shared_ptr<Exchange> &ex, bool freshConnection)
{
    HostPool &pool = m_pools[ex->endpoint];
    while (!freshConnection && !pool.idle.isEmpty()) {
        UpstreamConnection *c = pool.idle.takeLast();
        if (c->isUsable(!ex->idempotent)) {
            c->start(ex);
            return;
        }
        c->close();
        --pool.open;
        --m_open;
        c->deleteLater();
    }
    if (pool.open < m_options.maxConnectionsPerHost) {
        openConnection(pool, ex);
        return;
    }
    ex->queued = true;
    pool.queue.push_back(ex);
    armQueueTimer(ex->deadline);
}

void UpstreamClient::openConnection(HostPool &pool, const std::shared_ptr<Exchange> &ex)
{
    ++pool.open;
    ++m_open;
    ++m_opened;
    auto *c = new UpstreamConnection(ex->endpoint, &pool, m_options.limits, m_options.idleTimeoutMs, m_clock, this, this);
    c->start(ex);
}

// A free connection serves the oldest waiting request, else waits in the pool.
void UpstreamClient::makeIdle(UpstreamConnection *c)
{
    HostPool &pool = *c->pool();
    while (!pool.queue.empty()) {
        std::shared_ptr<Exchange> next = std::move(pool.queue.front());
        pool.queue.pop_front();
        next->queued = false;
        if (next->callback) {
            c->start(std::move(next));
            return;
        }
    }
    pool.idle.append(c);
}

// Bookkeeping for a connection that has closed; the caller then calls pumpQueue().
void UpstreamClient::forget(UpstreamConnection *c)
{
    HostPool &pool = *c->pool();
    pool.idle.removeOne(c);
    --pool.open;
    --m_open;
    c->deleteLater();
}

void UpstreamClient::pumpQueue(HostPool &pool)
{
    while (!pool.queue.empty() && pool.open < m_options.maxConnectionsPerHost) {
        std::shared_ptr<Exchange> next = std::move(pool.queue.front());
        pool.queue.pop_front();
        next->queued = false;
        if (next->callback)
            openConnection(pool, next);
    }
}

void UpstreamClient::exchangeDone(UpstreamConnection *c, std::shared_ptr<Exchange> ex, UpstreamResult result,
                                  bool reusable, bool retry)
{
    if (reusable) {
        makeIdle(c);
    } else {
        forget(c);
        // A retried request takes the slot its stale connection left, ahead of the queue.
        if (retry && !ex->retried && ex->callback) {
            ex->retried = true;
            dispatch(ex, true);
            pumpQueue(*c->pool());
            return;
        }
        pumpQueue(*c->pool());
    }
    answer(ex, std::move(result));
}

void UpstreamClient::connectionLost(UpstreamConnection *c)
{
    forget(c);
    pumpQueue(*c->pool());
}

void UpstreamClient::connectionReady(UpstreamConnection *c)
{
    makeIdle(c);
}

void UpstreamClient::cancel(const std::shared_ptr<Exchange> &ex)
{
    if (!ex->callback)
        return;
    ex->callback = nullptr;
    if (ex->queued) {
        ex->queued = false;
        if (const auto it = m_pools.find(ex->endpoint); it != m_pools.end())
            std::erase(it->second.queue, ex);
        return;
    }
    if (UpstreamConnection *c = ex->connection) {
        c->abandon();
        if (c->isClosed()) {
            forget(c);
            pumpQueue(*c->pool());
        }
    }
}

// Last, after all bookkeeping: the callback may send or cancel other requests.
void UpstreamClient::answer(const std::shared_ptr<Exchange> &ex, UpstreamResult result)
{
    UpstreamCallback callback = std::exchange(ex->callback, nullptr);
    if (callback)
        callback(std::move(result));
}

void UpstreamClient::answerLater(const std::shared_ptr<Exchange> &ex, UpstreamError error)
{
    QMetaObject::invokeMethod(this, [this, ex, error] { answer(ex, error); }, Qt::QueuedConnection);
}

void UpstreamClient::armQueueTimer(qint64 deadline)
{
    if (m_queueTimer.isActive() && m_queueDue <= deadline)
        return;
    m_queueDue = deadline;
    m_queueTimer.start(millisecondsUntil(deadline, m_clock.elapsed()));
}

void UpstreamClient::expireQueued()
{
    const qint64 now = m_clock.elapsed();
    qint64 next = std::numeric_limits<qint64>::max();
    std::vector<std::shared_ptr<Exchange>> expired;
    for (auto &[endpoint, pool] : m_pools) {
        for (auto it = pool.queue.begin(); it != pool.queue.end();) {
            if ((*it)->deadline <= now) {
                (*it)->queued = false;
                expired.push_back(std::move(*it));
                it = pool.queue.erase(it);
            } else {
                next = qMin(next, (*it)->deadline);
                ++it;
            }
        }
    }
    if (next != std::numeric_limits<qint64>::max())
        armQueueTimer(next);
    for (const std::shared_ptr<Exchange> &ex : expired) {
        answer(ex, UpstreamError{Kind::Timeout, QStringLiteral("no connection to %1 free within %2 ms (%3 open)")
                                                    .arg(ex->endpoint.display())
                                                    .arg(ex->timeoutMs)
                                                    .arg(m_options.maxConnectionsPerHost)});
    }
}

int UpstreamClient::idleConnections() const
{
    int n = 0;
    for (const auto &[endpoint, pool] : m_pools)
        n += static_cast<int>(pool.idle.size());
    return n;
}

int UpstreamClient::queuedRequests() const
{
    int n = 0;
    for (const auto &[endpoint, pool] : m_pools)
        n += static_cast<int>(pool.queue.size());
    return n;
}

} // namespace gw::upstream
