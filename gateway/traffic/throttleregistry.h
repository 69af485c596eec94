#pragma once

#include "tokenbucket.h"

#include <QHash>
#include <QString>

#include <array>
#include <memory>
#include <shared_mutex>

namespace gw::traffic {

// Every token bucket the engine keeps, by name ("account", "stage:{api}/{stage}/{res}/{VERB}",
// "plan:{plan}/{key}", ...). Kept by the Engine across redeploys: a bucket is replaced (and so
// refilled) only when its limits change. Sharded by name so that worker threads looking up
// different buckets do not meet on one lock; a lookup takes a shard's read lock only.
// Thread contract: safe from any thread.
class ThrottleRegistry
{
public:
    // The bucket of that name with these limits (created full, or replaced when the limits differ).
    std::shared_ptr<TokenBucket> bucket(const QString &name, const ThrottleLimits &limits);
    // Shortcut: takes a token from the named bucket; true when admitted.
    bool tryTake(const QString &name, const ThrottleLimits &limits);
    qsizetype size() const;
    void clear();

private:
    static constexpr size_t kShards = 16;
    struct Shard
    {
        mutable std::shared_mutex mutex;
        QHash<QString, std::shared_ptr<TokenBucket>> buckets;
    };
    std::array<Shard, kShards> m_shards;
};

} // namespace gw::traffic
