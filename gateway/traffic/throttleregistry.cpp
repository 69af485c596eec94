#include "throttleregistry.h"

#include <mutex>

namespace gw::traffic {

std::shared_ptr<TokenBucket> ThrottleRegistry::bucket(const QString &name, const ThrottleLimits &limits)
{
    Shard &shard = m_shards[qHash(name) % kShards];
    {
        std::shared_lock lock(shard.mutex);
        const auto it = shard.buckets.constFind(name);
        if (it != shard.buckets.cend() && (*it)->limits() == limits)
            return *it;
    }
    std::unique_lock lock(shard.mutex);
    auto &slot = shard.buckets[name];
    if (!slot || !(slot->limits() == limits))
        slot = std::make_shared<TokenBucket>(limits);
    return slot;
}

bool ThrottleRegistry::tryTake(const QString &name, const ThrottleLimits &limits)
{
    if (limits.unlimited())
        return true;
    return bucket(name, limits)->tryTake();
}

qsizetype ThrottleRegistry::size() const
{
    qsizetype n = 0;
    for (const Shard &s : m_shards) {
        std::shared_lock lock(s.mutex);
        n += s.buckets.size();
    }
    return n;
}

void ThrottleRegistry::clear()
{
    for (Shard &s : m_shards) {
        std::unique_lock lock(s.mutex);
        s.buckets.clear();
    }
}

} // namespace gw::traffic
