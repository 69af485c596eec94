#pragma once

#include "api.h"
#include "diagnostic.h"

namespace gw::model {

// Checks an API's authorizers, the methods that use them and its resource policy, with JSON paths
// below `path` (e.g. apis[0].design). The messages match what deploying reports for the same
// fields, so `check` shows each problem once.
Diagnostics checkAccessControl(const ApiDefinition &definition, const QString &path);

} // namespace gw::model
