#pragma once

#include "gateway/model/project.h"

#include <QDateTime>
#include <QHash>
#include <QMutex>

#include <array>
#include <memory>

namespace gw::apikeys {

// How many requests each API key has made in its usage plan's current quota period.
// Thread-safe: every worker thread counts here. Counters are spread over shards, each with its
// own mutex, so requests of different keys rarely wait on each other (no global lock).
class QuotaLedger
{
public:
    struct Outcome
    {
        bool allowed = true;
        qint64 remaining = 0;   // after this request
    };

    QuotaLedger();

    // Counts one request of `keyId` under `planId`, unless the period's quota is spent.
    Outcome consume(const QString &planId, const QString &keyId, const model::QuotaSettings &quota,
                    const QDateTime &now = QDateTime::currentDateTimeUtc());
    // What is left in the current period, for the UI and the CLI (the limit when nothing was used).
    qint64 remaining(const QString &planId, const QString &keyId, const model::QuotaSettings &quota,
                     const QDateTime &now = QDateTime::currentDateTimeUtc()) const;

    // Keeps counting in `previous`'s counters, so a redeploy of the same project does not give
    // every key a fresh quota. Call before this ledger is handed to any worker.
    void continueFrom(const QuotaLedger &previous) { m_store = previous.m_store; }

private:
    struct Counter
    {
        qint64 windowStartMs = 0;
        qint64 used = 0;
    };
    struct Shard
    {
        mutable QMutex mutex;
        QHash<QString, Counter> counters; // "planId/keyId"
    };
    static constexpr int kShards = 16;
    using Store = std::array<Shard, kShards>;
    Shard &shardFor(const QString &key) const;

    std::shared_ptr<Store> m_store;
};

} // namespace gw::apikeys
