#include "quotaledger.h"

#include "quotawindow.h"

#include <QMutexLocker>

namespace gw::apikeys {

QuotaLedger::QuotaLedger() : m_store(std::make_shared<Store>()) {}

QuotaLedger::Shard &QuotaLedger::shardFor(const QString &key) const
{
    return (*m_store)[qHash(key) % kShards];
}

static QString counterKey(const QString &planId, const QString &keyId)
{
    return planId + QLatin1Char('/') + keyId;
}

QuotaLedger::Outcome QuotaLedger::consume(const QString &planId, const QString &keyId,
                                          const model::QuotaSettings &quota, const QDateTime &now)
{
    const QuotaWindow window = QuotaWindow::containing(quota, now);
    const QString key = counterKey(planId, keyId);
    Shard &shard = shardFor(key);
    QMutexLocker lock(&shard.mutex);
    Counter &c = shard.counters[key];
    if (c.windowStartMs != window.startMs) {
        // A new period (or a changed period setting): the count starts again.
        c.windowStartMs = window.startMs;
        c.used = 0;
    }
    if (c.used >= quota.limit)
        return {false, 0};
    ++c.used;
    return {true, quota.limit - c.used};
}

qint64 QuotaLedger::remaining(const QString &planId, const QString &keyId, const model::QuotaSettings &quota,
                              const QDateTime &now) const
{
    const QuotaWindow window = QuotaWindow::containing(quota, now);
    const QString key = counterKey(planId, keyId);
    const Shard &shard = shardFor(key);
    QMutexLocker lock(&shard.mutex);
    const auto it = shard.counters.constFind(key);
    if (it == shard.counters.cend() || it->windowStartMs != window.startMs)
        return quota.limit;
    return qMax<qint64>(0, quota.limit - it->used);
}

} // namespace gw::apikeys
