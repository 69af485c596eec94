#pragma once

#include "gateway/model/project.h"

#include <QDateTime>

namespace gw::apikeys {

// The quota period that holds a moment: [start, end) in UTC milliseconds since the epoch.
// Periods begin at 00:00 UTC (reference §5.8). `offset` shifts the start as API Gateway's
// UsagePlan quota does: WEEK 0 starts on Sunday, 1 on Monday ... 6 on Saturday; MONTH 0 starts
// on the 1st, n on day n+1 (0–27). DAY ignores it (API Gateway only accepts 0 there).
struct QuotaWindow
{
    qint64 startMs = 0;
    qint64 endMs = 0;
    static QuotaWindow containing(const model::QuotaSettings &quota, const QDateTime &now);
};

} // namespace gw::apikeys
