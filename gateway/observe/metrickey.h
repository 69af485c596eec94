#pragma once

#include <QHash>
#include <QString>

namespace gw::observe {

// The dimensions API Gateway reports metrics by: ApiName/ApiId, Stage, Resource, Method.
// Aggregates leave the finer fields empty.
struct MetricKey
{
    QString apiId;
    QString stage;
    QString resource;
    QString method;
    friend bool operator==(const MetricKey &, const MetricKey &) = default;
};

inline size_t qHash(const MetricKey &k, size_t seed = 0)
{
    return qHashMulti(seed, k.apiId, k.stage, k.resource, k.method);
}

} // namespace gw::observe
