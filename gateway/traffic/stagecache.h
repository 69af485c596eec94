#pragma once

#include "cachecipher.h"

#include "gateway/core/httpmessage.h"

#include <QHash>
#include <QString>

#include <atomic>
#include <list>
#include <memory>
#include <mutex>
#include <optional>
#include <vector>

namespace gw::traffic {

// One stage's response cache (API Gateway's cache cluster, reference §8): entries expire after
// their TTL; the bytes actually stored (key + headers + body + a fixed overhead per entry) never
// exceed the capacity, the least recently used entries going first. Entries of methods with
// cacheDataEncrypted are stored AES-256-GCM sealed. Sharded by key hash, one small lock each; a
// capacity too small to give every shard room for the largest response uses one shard (exact LRU).
// Thread contract: safe from any thread.
class StageCache
{
public:
    static constexpr qsizetype kMaxResponseBytes = 1048576; // larger responses are not cached
    static constexpr qsizetype kEntryOverhead = 128;

    explicit StageCache(qint64 capacityBytes);

    // The stored response, or nullopt (absent, expired, or undecryptable). Counts a hit or a miss.
    std::optional<HttpResponse> get(const QString &key, qint64 nowMs = nowMillis());
    // Stores (replacing); false when the response is too large for an entry or ttl <= 0.
    bool put(const QString &key, const HttpResponse &response, int ttlSeconds, bool encrypt,
             qint64 nowMs = nowMillis());
    bool invalidate(const QString &key);
    void flush();

    // The bytes kept for `key` (what a memory dump would show), empty when absent.
    QByteArray storedBytes(const QString &key) const;

    struct Stats
    {
        qint64 capacityBytes = 0;
        qint64 usedBytes = 0;
        qint64 entries = 0;
        quint64 hits = 0;
        quint64 misses = 0;
        quint64 evictions = 0;
    };
    Stats stats() const;
    qint64 capacityBytes() const { return m_capacity; }
    static qint64 nowMillis();

private:
    struct Entry
    {
        QString key;
        // Sealed entries keep the encoded response encrypted; the others keep the response itself,
        // so a hit is a copy of implicitly shared data rather than a decode.
        QByteArray bytes;
        std::optional<HttpResponse> plain;
        bool sealed = false;
        qint64 expiresMs = 0;
        qint64 size = 0;
    };
    struct Shard
    {
        mutable std::mutex mutex;
        std::list<Entry> lru; // front: most recently used
        QHash<QString, std::list<Entry>::iterator> index;
        qint64 used = 0;
        qint64 capacity = 0;
    };
    Shard &shardFor(const QString &key) const;
    void removeLocked(Shard &s, std::list<Entry>::iterator it);

    qint64 m_capacity;
    std::vector<std::unique_ptr<Shard>> m_shards;
    CacheCipher m_cipher;
    std::atomic<quint64> m_hits{0}, m_misses{0}, m_evictions{0};
};

} // namespace gw::traffic
