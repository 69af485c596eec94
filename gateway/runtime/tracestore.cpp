#include "tracestore.h"

#include <QJsonArray>
#include <QMutexLocker>

namespace gw::runtime {

qsizetype TraceStore::sizeOf(const RequestRecord &r)
{
    qsizetype n = 256 + r.request.body.size() + r.response.body.size() + r.request.target.size();
    for (const auto &h : r.request.headers)
        n += h.first.size() + h.second.size();
    for (const auto &h : r.response.headers)
        n += h.first.size() + h.second.size();
    for (const auto &line : r.trace)
        n += 32 + (line.text.size() + line.phase.size()) * 2;
    return n;
}

void TraceStore::add(const RequestRecord &record)
{
    const qsizetype size = sizeOf(record);
    QMutexLocker lock(&m_mutex);
    m_records.push_back(record);
    m_bytes += size;
    while (!m_records.empty() && (qsizetype(m_records.size()) > m_maxRecords || m_bytes > m_maxBytes)) {
        m_bytes -= sizeOf(m_records.front());
        m_records.pop_front();
    }
}

std::optional<RequestRecord> TraceStore::find(const QString &requestId) const
{
    QMutexLocker lock(&m_mutex);
    for (auto it = m_records.rbegin(); it != m_records.rend(); ++it)
        if (it->requestId == requestId)
            return *it;
    return std::nullopt;
}

QList<RequestRecord> TraceStore::latest(qsizetype count) const
{
    QMutexLocker lock(&m_mutex);
    QList<RequestRecord> out;
    for (auto it = m_records.rbegin(); it != m_records.rend() && out.size() < count; ++it)
        out.append(*it);
    return out;
}

qsizetype TraceStore::size() const
{
    QMutexLocker lock(&m_mutex);
    return qsizetype(m_records.size());
}

qsizetype TraceStore::bytes() const
{
    QMutexLocker lock(&m_mutex);
    return m_bytes;
}

static QJsonObject headersToJson(const HeaderList &headers)
{
    QJsonObject o;
    for (const auto &h : headers)
        o.insert(QString::fromLatin1(h.first), QString::fromUtf8(h.second));
    return o;
}

QJsonObject TraceStore::toJson(const RequestRecord &r)
{
    QJsonArray trace;
    for (const auto &line : r.trace)
        trace.append(QJsonObject{{QStringLiteral("phase"), line.phase}, {QStringLiteral("elapsedUs"), double(line.elapsedUs)},
                                 {QStringLiteral("text"), line.text}});
    return QJsonObject{
        {QStringLiteral("requestId"), r.requestId},
        {QStringLiteral("time"), r.time.toString(Qt::ISODateWithMs)},
        {QStringLiteral("apiId"), r.apiId},
        {QStringLiteral("stage"), r.stage},
        {QStringLiteral("method"), r.method},
        {QStringLiteral("path"), r.path},
        {QStringLiteral("resourcePath"), r.resourcePath},
        {QStringLiteral("status"), r.status},
        {QStringLiteral("latencyUs"), double(r.latencyUs)},
        {QStringLiteral("integrationLatencyMs"), double(r.integrationLatencyMs)},
        {QStringLiteral("request"), QJsonObject{{QStringLiteral("headers"), headersToJson(r.request.headers)},
                                                {QStringLiteral("body"), QString::fromUtf8(r.request.body)}}},
        {QStringLiteral("response"), QJsonObject{{QStringLiteral("headers"), headersToJson(r.response.headers)},
                                                 {QStringLiteral("body"), QString::fromUtf8(r.response.body)}}},
        {QStringLiteral("trace"), trace},
    };
}

} // namespace gw::runtime
