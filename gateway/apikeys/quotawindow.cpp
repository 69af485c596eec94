#include "quotawindow.h"

#include <QTimeZone>

namespace gw::apikeys {

static qint64 msAtMidnight(QDate date)
{
    return QDateTime(date, QTime(0, 0), QTimeZone::utc()).toMSecsSinceEpoch();
}

QuotaWindow QuotaWindow::containing(const model::QuotaSettings &quota, const QDateTime &now)
{
    const QDate today = now.toUTC().date();
    QDate start = today;
    QDate end = today.addDays(1);
    if (quota.period == QLatin1String("WEEK")) {
        const int offset = qBound(0, quota.offset, 6);
        const int daysSinceSunday = today.dayOfWeek() % 7; // Qt: Monday 1 ... Sunday 7
        start = today.addDays(-((daysSinceSunday - offset + 7) % 7));
        end = start.addDays(7);
    } else if (quota.period == QLatin1String("MONTH")) {
        const int startDay = 1 + qBound(0, quota.offset, 27);
        start = QDate(today.year(), today.month(), startDay);
        if (today.day() < startDay)
            start = start.addMonths(-1);
        end = start.addMonths(1);
    }
    return {msAtMidnight(start), msAtMidnight(end)};
}

} // namespace gw::apikeys
