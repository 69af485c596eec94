#include "accesslogsinks.h"

#include <QMutexLocker>

namespace gw::runtime {

std::shared_ptr<observe::AccessLogWriter> AccessLogSinks::writer(const QString &path)
{
    QMutexLocker lock(&m_mutex);
    auto &w = m_writers[path];
    if (!w)
        w = std::make_shared<observe::AccessLogWriter>(path);
    return w;
}

quint64 AccessLogSinks::droppedLines() const
{
    QMutexLocker lock(&m_mutex);
    quint64 dropped = 0;
    for (const auto &w : m_writers)
        dropped += w->dropped();
    return dropped;
}

void AccessLogSinks::flushAll()
{
    QList<std::shared_ptr<observe::AccessLogWriter>> writers;
    {
        QMutexLocker lock(&m_mutex);
        writers = m_writers.values();
    }
    for (const auto &w : writers)
        w->flush();
}

} // namespace gw::runtime
