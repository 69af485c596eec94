#include "jwksstore.h"

namespace gw::auth {

std::shared_ptr<const JwkSet> JwksStore::keys(const QString &url) const
{
    QMutexLocker lock(&m_mutex);
    return m_entries.value(url).keys;
}

bool JwksStore::needsFetch(const QString &url, const QString &kid, qint64 nowMs) const
{
    QMutexLocker lock(&m_mutex);
    const auto it = m_entries.constFind(url);
    if (it == m_entries.cend() || !it->keys || nowMs - it->fetchedAtMs > kRefreshIntervalMs)
        return true;
    if (kid.isEmpty() || it->keys->contains(kid))
        return false;
    const auto missing = it->missingKids.constFind(kid);
    return missing == it->missingKids.cend() || nowMs - *missing > kMissingKidHoldMs;
}

void JwksStore::store(const QString &url, std::shared_ptr<const JwkSet> keys, qint64 nowMs)
{
    QMutexLocker lock(&m_mutex);
    Entry &e = m_entries[url];
    e.keys = std::move(keys);
    e.fetchedAtMs = nowMs;
}

void JwksStore::noteMissingKid(const QString &url, const QString &kid, qint64 nowMs)
{
    QMutexLocker lock(&m_mutex);
    QHash<QString, qint64> &missing = m_entries[url].missingKids;
    if (missing.size() > 1000)
        missing.clear();
    missing.insert(kid, nowMs);
}

} // namespace gw::auth
