#include "cancelhandle.h"

#include "exchange.h"
#include "upstreamclient.h"

namespace gw::upstream {

CancelHandle::CancelHandle(std::weak_ptr<Exchange> exchange, UpstreamClient *client)
    : m_exchange(std::move(exchange))
    , m_client(client)
{
}

void CancelHandle::cancel()
{
    if (const std::shared_ptr<Exchange> ex = m_exchange.lock(); ex && m_client)
        m_client->cancel(ex);
    m_exchange.reset();
}

bool CancelHandle::isPending() const
{
    const std::shared_ptr<Exchange> ex = m_exchange.lock();
    return ex && m_client && ex->callback;
}

} // namespace gw::upstream
