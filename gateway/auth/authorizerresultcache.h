#pragma once

#include "authorizeroutput.h"

#include <QHash>
#include <QMutex>

#include <memory>

namespace gw::auth {

// Lambda authorizer results by authorizer and cache key (the token for TOKEN authorizers, all
// identity-source values for REQUEST ones), each kept for the authorizer's TTL. Thread-safe: one
// instance serves every worker thread of a deployed configuration. Bounded: when full, expired
// entries go first, then everything (a cache, never a leak).
class AuthorizerResultCache
{
public:
    explicit AuthorizerResultCache(qsizetype capacity = 10000) : m_capacity(capacity) {}

    std::shared_ptr<const AuthorizerOutput> find(const QString &authorizerId, const QString &key, qint64 nowMs) const;
    void store(const QString &authorizerId, const QString &key, std::shared_ptr<const AuthorizerOutput> output,
               qint64 nowMs, qint64 ttlMs);
    void clear();
    qsizetype size() const;

private:
    struct Entry
    {
        std::shared_ptr<const AuthorizerOutput> output;
        qint64 expiresAtMs = 0;
    };
    static QString slot(const QString &authorizerId, const QString &key) { return authorizerId + QChar(0) + key; }

    mutable QMutex m_mutex;
    QHash<QString, Entry> m_entries;
    qsizetype m_capacity;
};

} // namespace gw::auth
