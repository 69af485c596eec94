#include "metricsseries.h"

#include <QHash>

namespace gw::ui {

DashboardSeries buildDashboardSeries(gw::observe::MetricsRegistry &registry, const gw::observe::MetricKey &filter,
                                     qint64 toSecond, int windowSeconds)
{
    DashboardSeries out;
    const qint64 from = toSecond - windowSeconds + 1;
    QHash<qint64, gw::observe::MetricSample> bySecond;
    for (const auto &p : registry.series(filter, from, toSecond))
        bySecond.insert(p.second, p.sample);
    for (qint64 s = from; s <= toSecond; ++s) {
        const double x = double(s - toSecond);
        const auto it = bySecond.constFind(s);
        if (it == bySecond.cend()) {
            for (auto *list : {&out.ok2xx, &out.client4xx, &out.server5xx})
                list->append({x, 0});
            continue;
        }
        const auto &m = *it;
        const double ok = double(m.count - m.errors4xx - m.errors5xx);
        out.ok2xx.append({x, ok});
        out.client4xx.append({x, double(m.errors4xx)});
        out.server5xx.append({x, double(m.errors5xx)});
        out.maxRate = qMax(out.maxRate, qMax(ok, double(qMax(m.errors4xx, m.errors5xx))));
        const double p50 = double(m.latency.percentileMicros(0.50)) / 1000.0;
        const double p90 = double(m.latency.percentileMicros(0.90)) / 1000.0;
        const double p99 = double(m.latency.percentileMicros(0.99)) / 1000.0;
        out.p50.append({x, p50});
        out.p90.append({x, p90});
        out.p99.append({x, p99});
        out.maxLatency = qMax(out.maxLatency, p99);
        if (!m.integrationLatency.isEmpty()) {
            out.integrationP50.append({x, double(m.integrationLatency.percentileMicros(0.50)) / 1000.0});
            out.integrationP99.append({x, double(m.integrationLatency.percentileMicros(0.99)) / 1000.0});
        }
        if (m.cacheHits + m.cacheMisses > 0)
            out.cacheHitRatio.append({x, double(m.cacheHits) / double(m.cacheHits + m.cacheMisses)});
    }
    return out;
}

} // namespace gw::ui
