#pragma once

#include "gateway/model/project.h"

namespace gw::cli {

// One line per stage with a cache cluster, for `serve`: size, default TTL, methods that cache.
QStringList cacheSummary(const model::Project &project);

} // namespace gw::cli
