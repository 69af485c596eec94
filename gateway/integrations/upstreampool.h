#pragma once

#include "upstreamconnection.h"

#include "gateway/pipeline/endpoint.h"

#include <QHash>
#include <QObject>

#include <deque>
#include <memory>

namespace gw::integrations {

// The engine thread's HTTP client for integrations: keep-alive connections pooled per
// (scheme, host, port) without QNetworkAccessManager's 6-connection cap, a queue when a host
// reaches maxPerHost, one retry of a request that met a stale pooled connection, total timeouts
// (the integration's timeoutInMillis), TLS with verification unless the integration skips it,
// and *.localhost mapped to 127.0.0.1. Requests are written once, with Content-Length.
// Thread contract: create and use on one thread; callbacks come on it, never inside send().
// GET, HEAD, OPTIONS, PUT, DELETE and TRACE (RFC 9110 §9.2.2).
bool isIdempotentMethod(const QByteArray &method);

class UpstreamPool : public QObject, public pipeline::UpstreamTransport
{
    Q_OBJECT
public:
    explicit UpstreamPool(int maxPerHost = 256, QObject *parent = nullptr);
    ~UpstreamPool() override;

    Cancel send(const pipeline::EndpointRequest &request, Callback callback) override;

    int openConnections() const;
    quint64 connectionsOpened() const { return m_opened; }

private:
    struct Pending;
    void dispatch(const std::shared_ptr<Pending> &pending);
    void onIdle(UpstreamConnection *connection);
    void onClosed(UpstreamConnection *connection);
    static QByteArray serialize(const pipeline::EndpointRequest &request, const QUrl &url);

    int m_maxPerHost;
    QHash<UpstreamConnection::Key, QList<UpstreamConnection *>> m_connections;
    QHash<UpstreamConnection::Key, std::deque<std::shared_ptr<Pending>>> m_queues;
    quint64 m_opened = 0;
};

} // namespace gw::integrations
