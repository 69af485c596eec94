#pragma once

#include <QtGlobal>

#include <atomic>

namespace gw::runtime {

// Gauges and counters of the gateway's listeners, shared by every engine thread's listener and
// readable from any thread (tests, the admin endpoint's /metrics).
struct ListenerCounters {
    std::atomic<int> openConnections {0};
    std::atomic<quint64> refusedConnections {0}; // closed at once: at the cap, nothing to reclaim
    std::atomic<quint64> reclaimedConnections {0}; // idle or slow connections closed for a new one
    std::atomic<quint64> slowRequests {0}; // closed by the head, body-rate or send timeouts
    std::atomic<qint64> queuedBytes {0}; // answer bytes not yet taken by the kernel
};

} // namespace gw::runtime
