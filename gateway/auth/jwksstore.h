#pragma once

#include "jwkset.h"

#include <QHash>
#include <QMutex>
#include <QSet>

#include <memory>

namespace gw::auth {

// Key sets fetched from JWKS URLs, shared by every worker thread (thread-safe). A set is fetched
// when first needed, again after kRefreshIntervalMs, and again when a token names a kid the set
// lacks (the issuer rotated its keys). A kid still missing after such a refresh is remembered for
// kMissingKidHoldMs so that a stream of tokens with a made-up kid cannot hammer the issuer.
class JwksStore
{
public:
    static constexpr qint64 kRefreshIntervalMs = 3600 * 1000;
    static constexpr qint64 kMissingKidHoldMs = 60 * 1000;

    std::shared_ptr<const JwkSet> keys(const QString &url) const;
    // Whether the set for `url` should be (re)fetched before checking a token signed with `kid`.
    bool needsFetch(const QString &url, const QString &kid, qint64 nowMs) const;
    void store(const QString &url, std::shared_ptr<const JwkSet> keys, qint64 nowMs);
    void noteMissingKid(const QString &url, const QString &kid, qint64 nowMs);

private:
    struct Entry
    {
        std::shared_ptr<const JwkSet> keys;
        qint64 fetchedAtMs = 0;
        QHash<QString, qint64> missingKids;  // kid → when a refresh last failed to find it
    };
    mutable QMutex m_mutex;
    QHash<QString, Entry> m_entries;
};

} // namespace gw::auth
