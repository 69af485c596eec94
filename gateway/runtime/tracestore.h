#pragma once

#include "requestprocessor.h"

#include <QHash>
#include <QMutex>

#include <deque>

namespace gw::runtime {

// The most recent finished requests with their traces, bounded by count and by bytes (oldest
// dropped first). Thread contract: every method from any thread.
class TraceStore
{
public:
    explicit TraceStore(qsizetype maxRecords = 1000, qsizetype maxBytes = 64 * 1024 * 1024)
        : m_maxRecords(maxRecords), m_maxBytes(maxBytes) {}

    void add(const RequestRecord &record);
    std::optional<RequestRecord> find(const QString &requestId) const;
    QList<RequestRecord> latest(qsizetype count) const;
    qsizetype size() const;
    qsizetype bytes() const;

    static qsizetype sizeOf(const RequestRecord &record);
    // One record as JSON (request, response, trace), for tools and the admin endpoint.
    static QJsonObject toJson(const RequestRecord &record);

private:
    qsizetype m_maxRecords;
    qsizetype m_maxBytes;
    mutable QMutex m_mutex;
    std::deque<RequestRecord> m_records;
    qsizetype m_bytes = 0;
};

} // namespace gw::runtime
