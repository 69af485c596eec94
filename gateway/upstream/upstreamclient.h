#pragma once

#include "cancelhandle.h"
#include "hostpool.h"
#include "responseparser.h"
#include "upstreamconnection.h"
#include "upstreamendpoint.h"
#include "upstreamerror.h"
#include "upstreamrequest.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <memory>
#include <unordered_map>

namespace gw::upstream {

// The HTTP/1.1 client of one engine thread: for HTTP / HTTP_PROXY integrations, Lambda runtime
// endpoints and AWS service calls.
//
// Keep-alive connections are pooled per (scheme, host, port, verification) with no 6-per-host
// cap: up to Options::maxConnectionsPerHost each, then requests wait in a queue. A connection
// goes back to the pool only after a complete response that both sides let live. A request that
// meets a pooled connection the server had closed (no response byte) is sent once more on a fresh
// connection when its method is idempotent; other requests first probe a pooled connection. The
// request's timeoutMs bounds the whole exchange, queueing included. Requests are written in one
// write with Content-Length; large bodies are fed to the socket from the caller's buffer as it
// drains. https uses QSslSocket and verifies certificates unless insecureSkipVerification.
//
// Thread contract: create, use and destroy on one thread with an event loop (the engine thread).
// Callbacks run on that thread, never from inside send() or cancel(), at most once per request.
// Don't delete the client from inside a callback (deleteLater() is fine); destroying it drops
// pending requests without calling their callbacks.
class UpstreamClient : public QObject, private UpstreamConnection::Owner
{
    Q_OBJECT
public:
    struct Options
    {
        int maxConnectionsPerHost = 256;
        int idleTimeoutMs = 60000; // pooled connections unused this long are closed
        ResponseLimits limits;
    };

    explicit UpstreamClient(QObject *parent = nullptr) : UpstreamClient(Options{}, parent) {}
    explicit UpstreamClient(Options options, QObject *parent = nullptr);
    ~UpstreamClient() override;

    CancelHandle send(UpstreamRequest request, UpstreamCallback callback);

    int openConnections() const { return m_open; }
    int idleConnections() const;
    int queuedRequests() const;
    quint64 connectionsOpened() const { return m_opened; }

private:
    friend class CancelHandle;
    void cancel(const std::shared_ptr<Exchange> &exchange);

    void dispatch(const std::shared_ptr<Exchange> &exchange, bool freshConnection);
    void openConnection(HostPool &pool, const std::shared_ptr<Exchange> &exchange);
    void makeIdle(UpstreamConnection *connection);
    void forget(UpstreamConnection *connection);
    void pumpQueue(HostPool &pool);
    void answer(const std::shared_ptr<Exchange> &exchange, UpstreamResult result);
    void answerLater(const std::shared_ptr<Exchange> &exchange, UpstreamError error);
    void armQueueTimer(qint64 deadline);
    void expireQueued();

    void exchangeDone(UpstreamConnection *connection, std::shared_ptr<Exchange> exchange, UpstreamResult result,
                      bool reusable, bool retry) override;
    void connectionLost(UpstreamConnection *connection) override;
    void connectionReady(UpstreamConnection *connection) override;

    Options m_options;
    QElapsedTimer m_clock;
    std::unordered_map<UpstreamEndpoint, HostPool, UpstreamEndpointHash> m_pools; // nodes stay put
    QTimer m_queueTimer;
    qint64 m_queueDue = 0;
    int m_open = 0;
    quint64 m_opened = 0;
};

} // namespace gw::upstream
