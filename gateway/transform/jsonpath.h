#pragma once

#include "vtlvalue.h"

#include <QString>

namespace gw::transform {

// The JSONPath that $input.json / $input.path and integration.response.body.X mappings take
// (Jayway's syntax, the subset API Gateway users write): $, .name, ['name'], ["a","b"], [n],
// [-n], [*], .*, [start:end], [n,m] and the deep scan ..name. A definite path yields its value
// (null when absent); a path with wildcards, slices, unions or a deep scan yields a list of the
// matches. Filters ([?(...)]) are not supported: *ok turns false.
VtlValue evaluateJsonPath(const VtlValue &root, const QString &path, bool *ok = nullptr);

} // namespace gw::transform
