#pragma once

#include <QString>

namespace gw::openapi {

// A lower-case alphanumeric id derived from `seed`: importing the same document twice gives the
// same resource, authorizer and validator ids, so a round trip compares equal.
QString stableId(const QString &seed, int length);

} // namespace gw::openapi
