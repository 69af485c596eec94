#include "elide.h"

namespace gw {

QString elideForMessage(const QString &value, qsizetype keep)
{
    if (value.size() <= keep)
        return value;
    // Not inside a surrogate pair.
    if (keep > 0 && value.at(keep - 1).isHighSurrogate())
        --keep;
    return value.left(keep) + QStringLiteral("…(%1 more)").arg(value.size() - keep);
}

} // namespace gw
