#pragma once

#include "diagnostic.h"
#include "project.h"

namespace gw::model {

// Throttling, caching and CORS settings: account throttle, stage cache size, methodSettings keys
// and bounds, usage-plan throttles, HTTP APIs' corsConfiguration. Part of check().
Diagnostics checkTraffic(const Project &project);

} // namespace gw::model
