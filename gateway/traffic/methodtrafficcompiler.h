#pragma once

#include "methodtraffic.h"

#include "gateway/model/api.h"

namespace gw::traffic {

// Resolves a method's MethodTraffic on a stage (deploy time only). `apiType` decides the verb
// that caches by default (REST GET; HTTP APIs never cache).
MethodTraffic compileMethodTraffic(const QString &apiId, model::ApiType apiType, const model::Stage &stage,
                                   const QString &resourcePath, const model::Method &method);

// The throttle a methodSettings entry (merged) describes: a limit set on one field only takes the
// account default for the other, as API Gateway materialises `*/*` (reference §7).
ThrottleLimits throttleFromSetting(std::optional<double> rate, std::optional<int> burst);

// Bytes of a cache cluster size ("0.5" … "237" GB), or -1 when the size is not one of AWS's.
qint64 cacheCapacityBytes(const QString &clusterSize);

} // namespace gw::traffic
