#include "stagecache.h"

#include "responsecodec.h"

#include <algorithm>
#include <chrono>

namespace gw::traffic {

StageCache::StageCache(qint64 capacityBytes) : m_capacity(qMax<qint64>(0, capacityBytes))
{
    // Every shard must hold at least a few of the largest entries; real cluster sizes get 16.
    constexpr qint64 kMinShardBytes = 64 * kMaxResponseBytes;
    const qint64 count = std::clamp<qint64>(m_capacity / kMinShardBytes, 1, 16);
    for (qint64 i = 0; i < count; ++i) {
        auto s = std::make_unique<Shard>();
        s->capacity = m_capacity / count;
        m_shards.push_back(std::move(s));
    }
}

qint64 StageCache::nowMillis()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

StageCache::Shard &StageCache::shardFor(const QString &key) const
{
    return *m_shards[qHash(key) % m_shards.size()];
}

void StageCache::removeLocked(Shard &s, std::list<Entry>::iterator it)
{
    s.used -= it->size;
    s.index.remove(it->key);
    s.lru.erase(it);
}

std::optional<HttpResponse> StageCache::get(const QString &key, qint64 nowMs)
{
    Shard &s = shardFor(key);
    QByteArray bytes;
    {
        std::lock_guard lock(s.mutex);
        const auto found = s.index.constFind(key);
        if (found == s.index.cend()) {
            ++m_misses;
            return std::nullopt;
        }
        const auto it = *found;
        if (it->expiresMs <= nowMs) {
            removeLocked(s, it);
            ++m_misses;
            return std::nullopt;
        }
        s.lru.splice(s.lru.begin(), s.lru, it);
        if (!it->sealed) {
            ++m_hits;
            return it->plain;
        }
        bytes = it->bytes; // implicitly shared: opening and decoding happen outside the lock
    }
    std::optional<HttpResponse> response;
    if (const auto opened = m_cipher.open(bytes))
        response = decodeResponse(*opened);
    ++(response ? m_hits : m_misses);
    return response;
}

bool StageCache::put(const QString &key, const HttpResponse &response, int ttlSeconds, bool encrypt, qint64 nowMs)
{
    if (ttlSeconds <= 0 || response.body.size() > kMaxResponseBytes)
        return false;
    Entry e;
    e.key = key;
    const QByteArray encoded = encodeResponse(response);
    if (encrypt)
        e.bytes = m_cipher.seal(encoded);
    else
        e.plain = response;
    e.sealed = encrypt;
    e.expiresMs = nowMs + qint64(ttlSeconds) * 1000;
    // An unsealed entry holds what its encoding holds (status, headers, body): counted the same.
    e.size = key.size() * qint64(sizeof(QChar)) + (encrypt ? e.bytes.size() : encoded.size()) + kEntryOverhead;
    Shard &s = shardFor(key);
    std::lock_guard lock(s.mutex);
    if (e.size > s.capacity)
        return false;
    if (const auto found = s.index.constFind(key); found != s.index.cend())
        removeLocked(s, *found);
    while (s.used + e.size > s.capacity && !s.lru.empty()) {
        removeLocked(s, std::prev(s.lru.end()));
        ++m_evictions;
    }
    s.used += e.size;
    s.lru.push_front(std::move(e));
    s.index.insert(key, s.lru.begin());
    return true;
}

bool StageCache::invalidate(const QString &key)
{
    Shard &s = shardFor(key);
    std::lock_guard lock(s.mutex);
    const auto found = s.index.constFind(key);
    if (found == s.index.cend())
        return false;
    removeLocked(s, *found);
    return true;
}

void StageCache::flush()
{
    for (auto &s : m_shards) {
        std::lock_guard lock(s->mutex);
        s->lru.clear();
        s->index.clear();
        s->used = 0;
    }
}

QByteArray StageCache::storedBytes(const QString &key) const
{
    Shard &s = shardFor(key);
    std::lock_guard lock(s.mutex);
    const auto found = s.index.constFind(key);
    if (found == s.index.cend())
        return {};
    return (*found)->sealed ? (*found)->bytes : encodeResponse(*(*found)->plain);
}

StageCache::Stats StageCache::stats() const
{
    Stats st;
    st.capacityBytes = m_capacity;
    for (const auto &s : m_shards) {
        std::lock_guard lock(s->mutex);
        st.usedBytes += s->used;
        st.entries += qint64(s->lru.size());
    }
    st.hits = m_hits;
    st.misses = m_misses;
    st.evictions = m_evictions;
    return st;
}

} // namespace gw::traffic
