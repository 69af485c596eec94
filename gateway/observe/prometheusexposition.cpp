#include "prometheusexposition.h"

#include <algorithm>

namespace gw::observe {

namespace {

QByteArray escapeLabel(const QString &value)
{
    QByteArray out;
    for (const char c : value.toUtf8()) {
        if (c == '\\')
            out += "\\\\";
        else if (c == '"')
            out += "\\\"";
        else if (c == '\n')
            out += "\\n";
        else
            out += c;
    }
    return out;
}

QByteArray labels(const MetricKey &k, const QByteArray &extra = {})
{
    QByteArray out = "{api=\"" + escapeLabel(k.apiId) + "\",stage=\"" + escapeLabel(k.stage) + "\",resource=\""
                     + escapeLabel(k.resource) + "\",method=\"" + escapeLabel(k.method) + '"';
    if (!extra.isEmpty())
        out += ',' + extra;
    return out + '}';
}

QByteArray number(double v)
{
    return QByteArray::number(v, 'g', 12);
}

void counter(QByteArray &out, const char *name, const char *help, const QList<MetricKey> &keys,
             const QHash<MetricKey, MetricSample> &data, quint64 MetricSample::*field)
{
    out += QByteArray("# HELP ") + name + ' ' + help + "\n# TYPE " + name + " counter\n";
    for (const MetricKey &k : keys)
        out += name + labels(k) + ' ' + QByteArray::number(data.value(k).*field) + '\n';
}

void histogram(QByteArray &out, const char *name, const char *help, const QList<MetricKey> &keys,
               const QHash<MetricKey, MetricSample> &data, LatencyHistogram MetricSample::*field)
{
    static const double bounds[] = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30};
    out += QByteArray("# HELP ") + name + ' ' + help + "\n# TYPE " + name + " histogram\n";
    for (const MetricKey &k : keys) {
        const MetricSample sample = data.value(k);
        const LatencyHistogram &h = sample.*field;
        // Our buckets are finer than these bounds; each sample counts under the first bound at or
        // above its bucket's upper edge, so counts stay cumulative and never exceed _count.
        std::vector<quint32> packed = h.compact();
        for (double le : bounds) {
            quint64 below = 0;
            for (quint32 v : packed)
                if (double(LatencyHistogram::upperBound(int(v >> 24))) / 1e6 <= le)
                    below += v & 0xFFFFFF;
            out += QByteArray(name) + "_bucket" + labels(k, "le=\"" + number(le) + '"') + ' ' + QByteArray::number(below) + '\n';
        }
        out += QByteArray(name) + "_bucket" + labels(k, "le=\"+Inf\"") + ' ' + QByteArray::number(h.count()) + '\n';
        out += QByteArray(name) + "_sum" + labels(k) + ' ' + number(double(h.sumMicros()) / 1e6) + '\n';
        out += QByteArray(name) + "_count" + labels(k) + ' ' + QByteArray::number(h.count()) + '\n';
    }
}

} // namespace

QByteArray prometheusText(const QHash<MetricKey, MetricSample> &cumulative, const QList<QPair<QByteArray, double>> &gauges)
{
    QList<MetricKey> keys = cumulative.keys();
    std::sort(keys.begin(), keys.end(), [](const MetricKey &a, const MetricKey &b) {
        return std::tie(a.apiId, a.stage, a.resource, a.method) < std::tie(b.apiId, b.stage, b.resource, b.method);
    });
    QByteArray out;
    counter(out, "gatewright_requests_total", "Requests answered (API Gateway's Count).", keys, cumulative, &MetricSample::count);
    counter(out, "gatewright_4xx_errors_total", "Requests answered with a 4xx status (4XXError).", keys, cumulative, &MetricSample::errors4xx);
    counter(out, "gatewright_5xx_errors_total", "Requests answered with a 5xx status (5XXError).", keys, cumulative, &MetricSample::errors5xx);
    counter(out, "gatewright_cache_hits_total", "Responses served from the stage cache (CacheHitCount).", keys, cumulative, &MetricSample::cacheHits);
    counter(out, "gatewright_cache_misses_total", "Cacheable requests not found in the stage cache (CacheMissCount).", keys, cumulative, &MetricSample::cacheMisses);
    histogram(out, "gatewright_request_duration_seconds", "Time from request to response (Latency).", keys, cumulative, &MetricSample::latency);
    histogram(out, "gatewright_integration_duration_seconds", "Time spent in the integration (IntegrationLatency).", keys, cumulative, &MetricSample::integrationLatency);
    for (const auto &g : gauges)
        out += "# TYPE " + g.first + " gauge\n" + g.first + ' ' + number(g.second) + '\n';
    return out;
}

} // namespace gw::observe
