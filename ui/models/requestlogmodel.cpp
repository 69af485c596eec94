#include "requestlogmodel.h"

#include "gateway/runtime/tracestore.h"

#include <QBrush>
#include <QColor>

namespace gw::ui {

RequestLogModel::RequestLogModel(qsizetype capacity, QObject *parent) : QAbstractTableModel(parent), m_capacity(capacity) {}

int RequestLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int RequestLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RequestLogModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= int(m_rows.size()))
        return {};
    const auto &r = m_rows[size_t(index.row())].record;
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Time: return r.time.toLocalTime().toString(QStringLiteral("HH:mm:ss.zzz"));
        case Stage: return r.stage;
        case Method: return r.method;
        case Path: return r.path;
        case Status: return r.status;
        case Latency: return QStringLiteral("%1 ms").arg(double(r.latencyUs) / 1000.0, 0, 'f', 2);
        case Size: return r.responseBytes;
        }
    } else if (role == Qt::ForegroundRole && index.column() == Status) {
        if (r.status >= 500)
            return QBrush(QColor(0xc6, 0x28, 0x28));
        if (r.status >= 400)
            return QBrush(QColor(0xe6, 0x7e, 0x00));
    } else if (role == Qt::TextAlignmentRole && (index.column() == Status || index.column() == Latency || index.column() == Size)) {
        return int(Qt::AlignRight | Qt::AlignVCenter);
    }
    return {};
}

QVariant RequestLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    static const char *names[] = {"Time", "Stage", "Method", "Path", "Status", "Latency", "Size"};
    return section >= 0 && section < ColumnCount ? QString::fromLatin1(names[section]) : QVariant();
}

void RequestLogModel::appendBatch(const QList<gw::runtime::RequestRecord> &records)
{
    if (records.isEmpty())
        return;
    if (m_paused) {
        m_skipped += quint64(records.size());
        return;
    }
    // Size up the incoming rows from the newest back: what does not fit even alone is skipped.
    qsizetype firstKept = records.size();
    qsizetype incomingBytes = 0;
    QList<qsizetype> sizes(records.size());
    while (firstKept > 0 && records.size() - firstKept < m_capacity) {
        const qsizetype size = gw::runtime::TraceStore::sizeOf(records[firstKept - 1]);
        if (incomingBytes + size > m_byteBudget && firstKept < records.size())
            break;
        sizes[firstKept - 1] = size;
        incomingBytes += size;
        --firstKept;
    }
    m_skipped += quint64(firstKept);
    const qsizetype incoming = records.size() - firstKept;
    // Drop the oldest rows, in one remove, until the batch fits.
    qsizetype drop = 0;
    qsizetype dropBytes = 0;
    while (drop < qsizetype(m_rows.size())
           && (qsizetype(m_rows.size()) - drop + incoming > m_capacity || m_bytes - dropBytes + incomingBytes > m_byteBudget))
        dropBytes += m_rows[size_t(drop++)].bytes;
    if (drop > 0) {
        beginRemoveRows({}, 0, int(drop - 1));
        m_rows.erase(m_rows.begin(), m_rows.begin() + drop);
        m_bytes -= dropBytes;
        m_firstSequence += quint64(drop);
        endRemoveRows();
    }
    const int first = int(m_rows.size());
    beginInsertRows({}, first, first + int(incoming) - 1);
    for (qsizetype i = firstKept; i < records.size(); ++i)
        m_rows.push_back({records[i], sizes[i]});
    m_bytes += incomingBytes;
    endInsertRows();
}

const gw::runtime::RequestRecord *RequestLogModel::record(int row) const
{
    return row >= 0 && row < int(m_rows.size()) ? &m_rows[size_t(row)].record : nullptr;
}

void RequestLogModel::clear()
{
    beginResetModel();
    m_firstSequence += quint64(m_rows.size());
    m_rows.clear();
    m_bytes = 0;
    endResetModel();
}

} // namespace gw::ui
