#pragma once

#include <QtGlobal>

#include <array>
#include <vector>

namespace gw::observe {

// Latency distribution in fixed logarithmic buckets (about 9 % wide, 1 µs to ~70 s), so that
// per-second histograms merge by addition and percentiles come out within a bucket's width.
class LatencyHistogram
{
public:
    static constexpr int kBuckets = 200;

    void record(qint64 micros);
    void merge(const LatencyHistogram &other);
    quint64 count() const { return m_count; }
    qint64 maxMicros() const { return m_max; }
    double meanMicros() const { return m_count ? double(m_sum) / double(m_count) : 0.0; }
    // The value below which `fraction` (0..1) of the samples lie; 0 when empty.
    qint64 percentileMicros(double fraction) const;
    bool isEmpty() const { return m_count == 0; }

    // Non-empty buckets packed as (bucket << 24 | count): what a stored second keeps, since most
    // seconds touch a handful of buckets.
    std::vector<quint32> compact() const;
    static LatencyHistogram fromCompact(const std::vector<quint32> &packed, quint64 count, qint64 sum, qint64 max);
    qint64 sumMicros() const { return m_sum; }

    static int bucketOf(qint64 micros);
    static qint64 upperBound(int bucket);

private:
    std::array<quint32, kBuckets> m_buckets{};
    quint64 m_count = 0;
    qint64 m_sum = 0;
    qint64 m_max = 0;
};

} // namespace gw::observe
