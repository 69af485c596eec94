#pragma once

#include "metrickey.h"
#include "metricsample.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QPair>

namespace gw::observe {

// Prometheus text exposition format 0.0.4 for the engine's cumulative metrics: counters
// gatewright_requests_total, gatewright_4xx_errors_total, gatewright_5xx_errors_total,
// gatewright_cache_hits_total, gatewright_cache_misses_total and histograms
// gatewright_request_duration_seconds / gatewright_integration_duration_seconds, labelled
// api, stage, resource, method. `gauges` adds plain gauges (name, value).
QByteArray prometheusText(const QHash<MetricKey, MetricSample> &cumulative,
                          const QList<QPair<QByteArray, double>> &gauges = {});

} // namespace gw::observe
