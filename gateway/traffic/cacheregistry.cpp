#include "cacheregistry.h"

#include <mutex>

namespace gw::traffic {

QString stageCacheName(const QString &apiId, const QString &stage)
{
    return apiId.toLower() + QLatin1Char('/') + stage;
}

qint64 CacheRegistry::effective(qint64 capacity) const
{
    return m_capacityLimit > 0 ? qMin(capacity, m_capacityLimit) : capacity;
}

std::shared_ptr<StageCache> CacheRegistry::cache(const QString &name, qint64 capacityBytes)
{
    {
        std::shared_lock lock(m_mutex);
        const auto it = m_caches.constFind(name);
        if (it != m_caches.cend() && (*it)->capacityBytes() == effective(capacityBytes))
            return *it;
    }
    std::unique_lock lock(m_mutex);
    auto &slot = m_caches[name];
    const qint64 capacity = effective(capacityBytes);
    if (!slot || slot->capacityBytes() != capacity)
        slot = std::make_shared<StageCache>(capacity);
    return slot;
}

std::shared_ptr<StageCache> CacheRegistry::find(const QString &name) const
{
    std::shared_lock lock(m_mutex);
    return m_caches.value(name);
}

bool CacheRegistry::flush(const QString &name)
{
    const auto c = find(name);
    if (c)
        c->flush();
    return bool(c);
}

void CacheRegistry::flushAll()
{
    std::shared_lock lock(m_mutex);
    for (const auto &c : std::as_const(m_caches))
        c->flush();
}

void CacheRegistry::retainOnly(const QSet<QString> &names)
{
    std::unique_lock lock(m_mutex);
    m_caches.removeIf([&names](const auto &it) { return !names.contains(it.key()); });
}

QList<QString> CacheRegistry::names() const
{
    std::shared_lock lock(m_mutex);
    return m_caches.keys();
}

void CacheRegistry::setCapacityLimit(qint64 bytes)
{
    std::unique_lock lock(m_mutex);
    m_capacityLimit = bytes;
}

} // namespace gw::traffic
