#pragma once

#include <QtGlobal>

#include <climits>

namespace gw::upstream {

// Milliseconds from `now` to `due` as QTimer::start() takes them (0 when past).
inline int millisecondsUntil(qint64 due, qint64 now)
{
    return static_cast<int>(qBound(qint64(0), due - now, qint64(INT_MAX)));
}

} // namespace gw::upstream
