#include "latencyhistogram.h"

#include <cmath>

namespace gw::observe {

static constexpr double kGrowth = 1.09;

int LatencyHistogram::bucketOf(qint64 micros)
{
    if (micros <= 1)
        return 0;
    const int b = int(std::ceil(std::log(double(micros)) / std::log(kGrowth)));
    return b >= kBuckets ? kBuckets - 1 : b;
}

qint64 LatencyHistogram::upperBound(int bucket)
{
    return qint64(std::ceil(std::pow(kGrowth, bucket)));
}

void LatencyHistogram::record(qint64 micros)
{
    if (micros < 0)
        micros = 0;
    ++m_buckets[size_t(bucketOf(micros))];
    ++m_count;
    m_sum += micros;
    if (micros > m_max)
        m_max = micros;
}

void LatencyHistogram::merge(const LatencyHistogram &other)
{
    for (int i = 0; i < kBuckets; ++i)
        m_buckets[size_t(i)] += other.m_buckets[size_t(i)];
    m_count += other.m_count;
    m_sum += other.m_sum;
    if (other.m_max > m_max)
        m_max = other.m_max;
}

std::vector<quint32> LatencyHistogram::compact() const
{
    std::vector<quint32> out;
    for (int i = 0; i < kBuckets; ++i) {
        quint32 c = m_buckets[size_t(i)];
        while (c > 0) { // counts above 2^24 per second split across entries
            const quint32 part = qMin<quint32>(c, 0xFFFFFF);
            out.push_back(quint32(i) << 24 | part);
            c -= part;
        }
    }
    return out;
}

LatencyHistogram LatencyHistogram::fromCompact(const std::vector<quint32> &packed, quint64 count, qint64 sum, qint64 max)
{
    LatencyHistogram h;
    for (quint32 v : packed)
        h.m_buckets[size_t(v >> 24)] += v & 0xFFFFFF;
    h.m_count = count;
    h.m_sum = sum;
    h.m_max = max;
    return h;
}

qint64 LatencyHistogram::percentileMicros(double fraction) const
{
    if (!m_count)
        return 0;
    const double target = fraction * double(m_count);
    quint64 seen = 0;
    for (int i = 0; i < kBuckets; ++i) {
        seen += m_buckets[size_t(i)];
        if (double(seen) >= target && seen > 0)
            return qMin(upperBound(i), m_max);
    }
    return m_max;
}

} // namespace gw::observe
