#include "authorizerresultcache.h"

namespace gw::auth {

std::shared_ptr<const AuthorizerOutput> AuthorizerResultCache::find(const QString &authorizerId, const QString &key, qint64 nowMs) const
{
    QMutexLocker lock(&m_mutex);
    const auto it = m_entries.constFind(slot(authorizerId, key));
    if (it == m_entries.cend() || it->expiresAtMs <= nowMs)
        return nullptr;
    return it->output;
}

void AuthorizerResultCache::store(const QString &authorizerId, const QString &key, std::shared_ptr<const AuthorizerOutput> output,
                                  qint64 nowMs, qint64 ttlMs)
{
    QMutexLocker lock(&m_mutex);
    if (m_entries.size() >= m_capacity) {
        m_entries.removeIf([nowMs](const QHash<QString, Entry>::iterator &it) { return it->expiresAtMs <= nowMs; });
        if (m_entries.size() >= m_capacity)
            m_entries.clear();
    }
    m_entries.insert(slot(authorizerId, key), {std::move(output), nowMs + ttlMs});
}

void AuthorizerResultCache::clear()
{
    QMutexLocker lock(&m_mutex);
    m_entries.clear();
}

qsizetype AuthorizerResultCache::size() const
{
    QMutexLocker lock(&m_mutex);
    return m_entries.size();
}

} // namespace gw::auth
