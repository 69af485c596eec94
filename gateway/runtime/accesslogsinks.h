#pragma once

#include "gateway/observe/accesslogwriter.h"

#include <QHash>
#include <QMutex>

#include <memory>

namespace gw::runtime {

// The access-log files of all stages, one writer per path, shared by the engine's threads and
// kept across redeploys. Thread contract: every method from any thread.
class AccessLogSinks
{
public:
    std::shared_ptr<observe::AccessLogWriter> writer(const QString &path);
    quint64 droppedLines() const;
    void flushAll();

private:
    mutable QMutex m_mutex;
    QHash<QString, std::shared_ptr<observe::AccessLogWriter>> m_writers;
};

} // namespace gw::runtime
