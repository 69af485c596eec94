#include "tokenbucket.h"

#include <algorithm>
#include <chrono>
#include <cmath>

namespace gw::traffic {

TokenBucket::TokenBucket(ThrottleLimits limits) : m_limits(limits)
{
    if (m_limits.unlimited() || m_limits.rate <= 0.0)
        return;
    // Rounding the interval up keeps the bound strict: never more than rate × T refilled.
    m_intervalNs = qint64(std::min(std::ceil(1e9 / m_limits.rate), 1e18));
    // Capped so that the arithmetic below cannot overflow (about 31 years of refill).
    constexpr qint64 kMaxToleranceNs = 1'000'000'000'000'000'000;
    m_toleranceNs = m_limits.burst > 0 && m_intervalNs > kMaxToleranceNs / m_limits.burst ? kMaxToleranceNs
                                                                                         : m_intervalNs * qint64(m_limits.burst);
}

qint64 TokenBucket::nowNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

bool TokenBucket::tryTake()
{
    return tryTake(nowNs());
}

bool TokenBucket::tryTake(qint64 now)
{
    if (m_limits.unlimited())
        return true;
    if (m_limits.burst == 0)
        return false;
    if (m_intervalNs == 0) // rate 0: the burst is all there ever is
        return false;
    // The bucket holds `burst` tokens when the theoretical arrival time is at or before now;
    // each admission books one interval. Admit while the booking stays within the tolerance.
    qint64 tat = m_tat.load(std::memory_order_relaxed);
    for (;;) {
        const qint64 base = tat > now - m_toleranceNs ? tat : now - m_toleranceNs;
        const qint64 next = base + m_intervalNs;
        if (next > now)
            return false;
        if (m_tat.compare_exchange_weak(tat, next, std::memory_order_relaxed))
            return true;
    }
}

} // namespace gw::traffic
