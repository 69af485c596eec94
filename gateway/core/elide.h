#pragma once

#include <QString>

namespace gw {

// A user value as an error message quotes it: the first `keep` characters, then "…(N more)"
// when there are more, so that a 100 KB name or key does not become a 100 KB message.
QString elideForMessage(const QString &value, qsizetype keep = 200);

} // namespace gw
