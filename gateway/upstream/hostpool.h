#pragma once

#include <QList>

#include <deque>
#include <memory>

namespace gw::upstream {

class UpstreamConnection;
struct Exchange;

// The UpstreamClient's connections to one endpoint: those idle (most recently used last, taken
// first: the least likely to have been closed by the server), how many are open in all
// (connecting, busy or idle), and the requests waiting for one when `open` is at the limit.
struct HostPool
{
    QList<UpstreamConnection *> idle;
    int open = 0;
    std::deque<std::shared_ptr<Exchange>> queue;
};

} // namespace gw::upstream
