#include "metricsample.h"

namespace gw::observe {

void MetricSample::add(const RequestOutcome &o)
{
    ++count;
    if (o.status >= 400 && o.status < 500)
        ++errors4xx;
    else if (o.status >= 500)
        ++errors5xx;
    if (o.cacheResult == 1)
        ++cacheHits;
    else if (o.cacheResult == 2)
        ++cacheMisses;
    latency.record(o.latencyUs);
    if (o.integrationLatencyUs >= 0)
        integrationLatency.record(o.integrationLatencyUs);
}

void MetricSample::merge(const MetricSample &other)
{
    count += other.count;
    errors4xx += other.errors4xx;
    errors5xx += other.errors5xx;
    cacheHits += other.cacheHits;
    cacheMisses += other.cacheMisses;
    latency.merge(other.latency);
    integrationLatency.merge(other.integrationLatency);
}

} // namespace gw::observe
