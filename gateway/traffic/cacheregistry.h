#pragma once

#include "stagecache.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

#include <memory>
#include <shared_mutex>

namespace gw::traffic {

// The registry's name for a stage's cache: "{apiId in lower case}/{stage}".
QString stageCacheName(const QString &apiId, const QString &stage);

// Every stage's cache, by stageCacheName(). Kept by the Engine across redeploys (a redeploy keeps
// the entries, as API Gateway does); a cache is made anew (empty) when its capacity changes, as a
// resize wipes AWS's cluster. A lookup takes a read lock only.
// Thread contract: safe from any thread.
class CacheRegistry
{
public:
    // The stage's cache with that capacity (created or replaced as needed).
    std::shared_ptr<StageCache> cache(const QString &name, qint64 capacityBytes);
    // The stage's cache if one exists, else null.
    std::shared_ptr<StageCache> find(const QString &name) const;
    // Empties one stage's cache (FlushStageCache); false when the stage has none.
    bool flush(const QString &name);
    void flushAll();
    // Drops the caches of stages not in `names` (deleted stages, caches turned off): their memory
    // goes, as AWS deletes a stage's cache cluster. Called on deploy.
    void retainOnly(const QSet<QString> &names);
    QList<QString> names() const;

    // Tests and small machines: every cache holds at most this many bytes (0: the cluster size).
    void setCapacityLimit(qint64 bytes);

private:
    qint64 effective(qint64 capacity) const;

    mutable std::shared_mutex m_mutex;
    QHash<QString, std::shared_ptr<StageCache>> m_caches;
    qint64 m_capacityLimit = 0;
};

} // namespace gw::traffic
