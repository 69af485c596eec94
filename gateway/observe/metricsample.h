#pragma once

#include "latencyhistogram.h"

namespace gw::observe {

// What one request contributes to the metrics of its API/stage/method.
struct RequestOutcome
{
    int status = 0;
    qint64 latencyUs = 0;
    qint64 integrationLatencyUs = -1; // -1: no integration call
    int cacheResult = 0;              // 0 not cached, 1 hit, 2 miss
};

// One second (or a merged window) of metrics for one key.
struct MetricSample
{
    quint64 count = 0;
    quint64 errors4xx = 0;
    quint64 errors5xx = 0;
    quint64 cacheHits = 0;
    quint64 cacheMisses = 0;
    LatencyHistogram latency;
    LatencyHistogram integrationLatency;

    void add(const RequestOutcome &o);
    void merge(const MetricSample &other);
};

} // namespace gw::observe
