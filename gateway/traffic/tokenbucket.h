#pragma once

#include "throttlelimits.h"

#include <QtGlobal>

#include <atomic>
#include <limits>

namespace gw::traffic {

// A token bucket (size = burst, refilled at rate tokens/s, one token a request) kept as one
// atomic "theoretical arrival time" (GCRA): admitting is a single compare-and-swap, so worker
// threads share a bucket without a lock. Refill follows the monotonic clock.
// Admitted requests over any window of length T never exceed burst + rate × T.
// Thread contract: every member is safe from any thread.
class TokenBucket
{
public:
    explicit TokenBucket(ThrottleLimits limits);

    // Takes one token if there is one. `nowNs` is for tests; by default the steady clock.
    bool tryTake();
    bool tryTake(qint64 nowNs);
    const ThrottleLimits &limits() const { return m_limits; }
    static qint64 nowNs();

private:
    ThrottleLimits m_limits;
    qint64 m_intervalNs = 0;   // time one token takes to refill, rounded up
    qint64 m_toleranceNs = 0;  // burst × interval: how far ahead of now arrivals may be booked
    // Starts below any clock reading: a new bucket is full whatever the monotonic clock says
    // (it counts from boot, so a fresh machine reads only seconds — 0 would mean "just emptied").
    std::atomic<qint64> m_tat{std::numeric_limits<qint64>::min()};
};

} // namespace gw::traffic
