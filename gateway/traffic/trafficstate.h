#pragma once

#include "cacheregistry.h"
#include "throttleregistry.h"

namespace gw::traffic {

// The shared, mutable traffic state of one engine: token buckets and stage caches. The Engine
// owns one and hands it to every worker's phases, so all threads count against the same limits
// and see the same cache; it outlives redeploys.
// Thread contract: its members are thread-safe.
struct TrafficState
{
    ThrottleRegistry throttles;
    CacheRegistry caches;
};

} // namespace gw::traffic
