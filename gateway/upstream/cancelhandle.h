#pragma once

#include <QPointer>

#include <memory>

namespace gw::upstream {

class UpstreamClient;
struct Exchange;

// Returned by UpstreamClient::send(): cancels that request. After cancel() its callback is never
// called; a connection that already carried part of the exchange is closed, one still connecting
// joins the pool. Safe to keep after the request ended or the client was destroyed (then a
// no-op). Thread contract: the client's thread.
class CancelHandle
{
public:
    CancelHandle() = default;
    CancelHandle(std::weak_ptr<Exchange> exchange, UpstreamClient *client);

    void cancel();
    // Whether the request is still waiting for its answer.
    bool isPending() const;

private:
    std::weak_ptr<Exchange> m_exchange;
    QPointer<UpstreamClient> m_client;
};

} // namespace gw::upstream
