#pragma once

#include "gateway/observe/metricsregistry.h"

#include <QList>
#include <QPointF>

namespace gw::ui {

// Per-second series for the dashboard, one point per second of the window (seconds without
// traffic are zeros), computed from the engine's metrics registry. No widgets: testable alone.
struct DashboardSeries
{
    QList<QPointF> ok2xx, client4xx, server5xx;         // requests/s by status class
    QList<QPointF> p50, p90, p99;                        // latency, ms
    QList<QPointF> integrationP50, integrationP99;       // integration latency, ms
    QList<QPointF> cacheHitRatio;                        // 0..1, only seconds with cache traffic
    double maxRate = 0;
    double maxLatency = 0;
};

// x values are seconds relative to `toSecond` (-window..0).
DashboardSeries buildDashboardSeries(gw::observe::MetricsRegistry &registry, const gw::observe::MetricKey &filter,
                                     qint64 toSecond, int windowSeconds);

} // namespace gw::ui
