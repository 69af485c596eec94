#pragma once

#include "metrickey.h"
#include "metricsample.h"

#include <QHash>
#include <QList>
#include <QMutex>

#include <deque>
#include <functional>
#include <memory>
#include <vector>

namespace gw::observe {

// Per-second metrics per API/stage/resource/method, kept for the last `retainSeconds`.
// Engine threads record into their own Recorder (an uncontended lock each); collect(), called
// off the request path about once a second, moves finished seconds into the history.
// Thread contract: Recorder::record from its engine thread; everything else from any one thread
// at a time (the owner's), all internally locked.
class MetricsRegistry
{
public:
    using Clock = std::function<qint64()>; // milliseconds since the epoch

    explicit MetricsRegistry(int retainSeconds = 3600, Clock clock = {});

    class Recorder
    {
    public:
        void record(const MetricKey &key, const RequestOutcome &outcome);

    private:
        friend class MetricsRegistry;
        explicit Recorder(const MetricsRegistry *owner) : m_owner(owner) {}
        const MetricsRegistry *m_owner;
        QMutex m_mutex;
        QHash<MetricKey, QHash<qint64, MetricSample>> m_pending; // key → second → sample
        // Where the last request was counted: consecutive requests of one method in one second
        // (the usual traffic) skip both hash lookups. Reset whenever m_pending is taken.
        MetricKey m_lastKey;
        qint64 m_lastSecond = -1;
        MetricSample *m_last = nullptr;
    };

    std::shared_ptr<Recorder> newRecorder();
    void collect();

    struct Point
    {
        qint64 second = 0;
        MetricSample sample;
    };
    // Per-second sums over every key that matches `filter` (empty fields match anything),
    // for seconds in [from, to]; seconds without traffic are left out.
    QList<Point> series(const MetricKey &filter, qint64 fromSecond, qint64 toSecond);
    MetricSample total(const MetricKey &filter, qint64 fromSecond, qint64 toSecond);
    // Everything since start, per finest key (for Prometheus counters).
    QHash<MetricKey, MetricSample> cumulative();
    QList<MetricKey> keys();
    qint64 nowSecond() const { return m_clock() / 1000; }
    qint64 nowMs() const { return m_clock(); }

private:
    // History holds only seconds with traffic, histograms compacted to their non-empty buckets.
    struct StoredHistogram
    {
        std::vector<quint32> buckets;
        quint64 count = 0;
        qint64 sum = 0;
        qint64 max = 0;
        void store(const LatencyHistogram &h) { buckets = h.compact(); count = h.count(); sum = h.sumMicros(); max = h.maxMicros(); }
        LatencyHistogram load() const { return LatencyHistogram::fromCompact(buckets, count, sum, max); }
    };
    struct StoredSecond
    {
        qint64 second = 0;
        quint64 count = 0, errors4xx = 0, errors5xx = 0, cacheHits = 0, cacheMisses = 0;
        StoredHistogram latency, integrationLatency;
        void store(const MetricSample &s);
        MetricSample load() const;
    };
    static bool matches(const MetricKey &filter, const MetricKey &key);

    int m_retainSeconds;
    Clock m_clock;
    QMutex m_mutex;
    std::vector<std::weak_ptr<Recorder>> m_recorders;
    QHash<MetricKey, std::deque<StoredSecond>> m_history;
    QHash<MetricKey, MetricSample> m_cumulative;
};

} // namespace gw::observe
