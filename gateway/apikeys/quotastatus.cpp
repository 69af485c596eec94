#include "quotastatus.h"

#include "apikeytable.h"
#include "quotaledger.h"
#include "quotawindow.h"

#include <QTimeZone>

namespace gw::apikeys {

QList<QuotaStatus> quotaStatus(const ApiKeyTable &table, const QuotaLedger &ledger, const QDateTime &now)
{
    QList<QuotaStatus> out;
    for (const ApiKeyEntry &key : table.keys()) {
        for (const CompiledUsagePlan &plan : table.plans()) {
            if (!plan.quota || !plan.keyIds.contains(key.id))
                continue;
            const QuotaWindow window = QuotaWindow::containing(*plan.quota, now);
            out.append({key.id, key.name, plan.id, plan.quota->period, plan.quota->limit,
                        ledger.remaining(plan.id, key.id, *plan.quota, now),
                        QDateTime::fromMSecsSinceEpoch(window.endMs, QTimeZone::utc())});
        }
    }
    return out;
}

} // namespace gw::apikeys
