#include "metricsregistry.h"

#include <QDateTime>
#include <QMutexLocker>

#include <map>

namespace gw::observe {

void MetricsRegistry::StoredSecond::store(const MetricSample &s)
{
    count = s.count;
    errors4xx = s.errors4xx;
    errors5xx = s.errors5xx;
    cacheHits = s.cacheHits;
    cacheMisses = s.cacheMisses;
    latency.store(s.latency);
    integrationLatency.store(s.integrationLatency);
}

MetricSample MetricsRegistry::StoredSecond::load() const
{
    MetricSample s;
    s.count = count;
    s.errors4xx = errors4xx;
    s.errors5xx = errors5xx;
    s.cacheHits = cacheHits;
    s.cacheMisses = cacheMisses;
    s.latency = latency.load();
    s.integrationLatency = integrationLatency.load();
    return s;
}

MetricsRegistry::MetricsRegistry(int retainSeconds, Clock clock)
    : m_retainSeconds(retainSeconds), m_clock(std::move(clock))
{
    if (!m_clock)
        m_clock = [] { return QDateTime::currentMSecsSinceEpoch(); };
}

void MetricsRegistry::Recorder::record(const MetricKey &key, const RequestOutcome &outcome)
{
    const qint64 second = m_owner->nowSecond();
    QMutexLocker lock(&m_mutex);
    if (m_last && second == m_lastSecond && key == m_lastKey) {
        m_last->add(outcome);
        return;
    }
    MetricSample &sample = m_pending[key][second];
    sample.add(outcome);
    m_last = &sample;
    m_lastKey = key;
    m_lastSecond = second;
}

std::shared_ptr<MetricsRegistry::Recorder> MetricsRegistry::newRecorder()
{
    std::shared_ptr<Recorder> r(new Recorder(this));
    QMutexLocker lock(&m_mutex);
    m_recorders.push_back(r);
    return r;
}

void MetricsRegistry::collect()
{
    QHash<MetricKey, QHash<qint64, MetricSample>> drained;
    {
        QMutexLocker lock(&m_mutex);
        for (auto it = m_recorders.begin(); it != m_recorders.end();) {
            auto recorder = it->lock();
            if (!recorder) {
                it = m_recorders.erase(it);
                continue;
            }
            QHash<MetricKey, QHash<qint64, MetricSample>> pending;
            {
                QMutexLocker rlock(&recorder->m_mutex);
                pending.swap(recorder->m_pending);
                recorder->m_last = nullptr;
            }
            for (auto k = pending.begin(); k != pending.end(); ++k)
                for (auto s = k->begin(); s != k->end(); ++s)
                    drained[k.key()][s.key()].merge(s.value());
            ++it;
        }
    }
    QMutexLocker lock(&m_mutex);
    const qint64 oldest = nowSecond() - m_retainSeconds;
    for (auto k = drained.begin(); k != drained.end(); ++k) {
        auto &history = m_history[k.key()];
        std::map<qint64, MetricSample> ordered;
        for (auto s = k->cbegin(); s != k->cend(); ++s)
            ordered.emplace(s.key(), s.value());
        for (auto &[second, sample] : ordered) {
            m_cumulative[k.key()].merge(sample);
            // Seconds usually arrive in order; a late one (a thread that recorded just before
            // the boundary) merges into its slot.
            auto pos = history.end();
            while (pos != history.begin() && std::prev(pos)->second >= second)
                --pos;
            if (pos != history.end() && pos->second == second) {
                MetricSample merged = pos->load();
                merged.merge(sample);
                pos->store(merged);
            } else {
                StoredSecond stored;
                stored.second = second;
                stored.store(sample);
                history.insert(pos, stored);
            }
        }
    }
    for (auto &history : m_history)
        while (!history.empty() && history.front().second < oldest)
            history.pop_front();
}

bool MetricsRegistry::matches(const MetricKey &filter, const MetricKey &key)
{
    return (filter.apiId.isEmpty() || filter.apiId == key.apiId) && (filter.stage.isEmpty() || filter.stage == key.stage)
           && (filter.resource.isEmpty() || filter.resource == key.resource)
           && (filter.method.isEmpty() || filter.method == key.method);
}

QList<MetricsRegistry::Point> MetricsRegistry::series(const MetricKey &filter, qint64 fromSecond, qint64 toSecond)
{
    std::map<qint64, MetricSample> sums;
    QMutexLocker lock(&m_mutex);
    for (auto k = m_history.cbegin(); k != m_history.cend(); ++k) {
        if (!matches(filter, k.key()))
            continue;
        for (const StoredSecond &s : *k)
            if (s.second >= fromSecond && s.second <= toSecond)
                sums[s.second].merge(s.load());
    }
    QList<Point> out;
    out.reserve(qsizetype(sums.size()));
    for (auto &[second, sample] : sums)
        out.append({second, sample});
    return out;
}

MetricSample MetricsRegistry::total(const MetricKey &filter, qint64 fromSecond, qint64 toSecond)
{
    MetricSample sum;
    for (const Point &p : series(filter, fromSecond, toSecond))
        sum.merge(p.sample);
    return sum;
}

QHash<MetricKey, MetricSample> MetricsRegistry::cumulative()
{
    QMutexLocker lock(&m_mutex);
    return m_cumulative;
}

QList<MetricKey> MetricsRegistry::keys()
{
    QMutexLocker lock(&m_mutex);
    return m_cumulative.keys();
}

} // namespace gw::observe
