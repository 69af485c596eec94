#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

namespace gw::apikeys {

class ApiKeyTable;
class QuotaLedger;

// One key's standing in one usage plan with a quota, for the UI and tools.
struct QuotaStatus
{
    QString keyId;
    QString keyName;
    QString planId;
    QString period;        // DAY, WEEK, MONTH
    qint64 limit = 0;
    qint64 remaining = 0;
    QDateTime resetsAt;    // start of the next period (UTC)
};

// Every (key, plan with a quota) pair of the served configuration, keys in project order.
// Thread-safe: reads the ledger under its shard locks.
QList<QuotaStatus> quotaStatus(const ApiKeyTable &table, const QuotaLedger &ledger,
                               const QDateTime &now = QDateTime::currentDateTimeUtc());

} // namespace gw::apikeys
