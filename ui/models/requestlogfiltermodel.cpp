#include "requestlogfiltermodel.h"

#include <algorithm>

namespace gw::ui {

RequestLogFilterModel::RequestLogFilterModel(QObject *parent) : QAbstractProxyModel(parent) {}

void RequestLogFilterModel::setSourceModel(QAbstractItemModel *source)
{
    beginResetModel();
    for (const auto &c : std::as_const(m_connections))
        disconnect(c);
    m_connections.clear();
    m_log = qobject_cast<RequestLogModel *>(source);
    Q_ASSERT_X(!source || m_log, "RequestLogFilterModel", "the source must be a RequestLogModel");
    QAbstractProxyModel::setSourceModel(m_log);
    if (m_log) {
        m_connections = {
            connect(m_log, &QAbstractItemModel::rowsInserted, this,
                    [this](const QModelIndex &, int first, int last) { onRowsInserted(first, last); }),
            connect(m_log, &QAbstractItemModel::rowsAboutToBeRemoved, this,
                    [this](const QModelIndex &, int first, int last) { onRowsAboutToBeRemoved(first, last); }),
            connect(m_log, &QAbstractItemModel::rowsRemoved, this, [this]() { onRowsRemoved(); }),
            connect(m_log, &QAbstractItemModel::modelAboutToBeReset, this, [this]() { beginResetModel(); }),
            connect(m_log, &QAbstractItemModel::modelReset, this, [this]() {
                rebuild();
                endResetModel();
            }),
            connect(m_log, &QAbstractItemModel::dataChanged, this, [this](const QModelIndex &from, const QModelIndex &to) {
                // Records never change once in; pass the notice on for whatever rows are ours.
                for (int r = from.row(); r <= to.row(); ++r) {
                    const QModelIndex mine = mapFromSource(m_log->index(r, 0));
                    if (mine.isValid())
                        emit dataChanged(mine, index(mine.row(), columnCount() - 1));
                }
            }),
            connect(m_log, &QAbstractItemModel::headerDataChanged, this, &QAbstractItemModel::headerDataChanged),
        };
    }
    rebuild();
    endResetModel();
}

void RequestLogFilterModel::setFilterText(const QString &text)
{
    const QString trimmed = text.simplified();
    if (trimmed == m_text)
        return;
    beginResetModel();
    m_text = trimmed;
    m_terms = trimmed.isEmpty() ? QStringList() : trimmed.split(QLatin1Char(' '));
    rebuild();
    endResetModel();
}

bool RequestLogFilterModel::matches(const gw::runtime::RequestRecord &r, const QStringList &terms)
{
    for (const QString &term : terms) {
        if (term.compare(r.method, Qt::CaseInsensitive) == 0 || term.compare(r.stage, Qt::CaseInsensitive) == 0)
            continue;
        if (term.size() == 3 && term[0].isDigit() && term.endsWith(QLatin1String("xx"), Qt::CaseInsensitive)
            && r.status / 100 == term[0].digitValue())
            continue;
        bool isNumber = false;
        const int status = term.toInt(&isNumber);
        if (isNumber && status == r.status)
            continue;
        if (r.path.contains(term, Qt::CaseInsensitive))
            continue;
        return false;
    }
    return true;
}

void RequestLogFilterModel::rebuild()
{
    m_accepted.clear();
    m_firstSequence = m_log ? m_log->firstSequence() : 0;
    const int rows = m_log ? m_log->rowCount() : 0;
    for (int r = 0; r < rows; ++r)
        if (m_terms.isEmpty() || matches(*m_log->record(r), m_terms))
            m_accepted.push_back(m_firstSequence + quint64(r));
}

void RequestLogFilterModel::onRowsInserted(int first, int last)
{
    if (m_resetting)
        return;
    if (last != m_log->rowCount() - 1 || m_log->firstSequence() != m_firstSequence) {
        beginResetModel(); // not an append: start over
        rebuild();
        endResetModel();
        return;
    }
    std::vector<quint64> incoming;
    for (int r = first; r <= last; ++r)
        if (m_terms.isEmpty() || matches(*m_log->record(r), m_terms))
            incoming.push_back(m_firstSequence + quint64(r));
    if (incoming.empty())
        return;
    const int at = int(m_accepted.size());
    beginInsertRows({}, at, at + int(incoming.size()) - 1);
    m_accepted.insert(m_accepted.end(), incoming.begin(), incoming.end());
    endInsertRows();
}

void RequestLogFilterModel::onRowsAboutToBeRemoved(int first, int last)
{
    if (first != 0) {
        m_resetting = true; // not a drop from the front: rebuild once the source is done
        beginResetModel();
        return;
    }
    const quint64 end = m_firstSequence + quint64(last) + 1;
    const auto leaving = std::lower_bound(m_accepted.begin(), m_accepted.end(), end) - m_accepted.begin();
    m_pendingFrontRemoval = leaving;
    if (leaving > 0)
        beginRemoveRows({}, 0, int(leaving - 1));
}

void RequestLogFilterModel::onRowsRemoved()
{
    if (m_resetting) {
        m_resetting = false;
        rebuild();
        endResetModel();
        return;
    }
    const qsizetype leaving = m_pendingFrontRemoval;
    m_pendingFrontRemoval = -1;
    m_firstSequence = m_log->firstSequence();
    if (leaving > 0) {
        m_accepted.erase(m_accepted.begin(), m_accepted.begin() + leaving);
        endRemoveRows();
    }
}

const gw::runtime::RequestRecord *RequestLogFilterModel::record(int row) const
{
    if (row < 0 || row >= int(m_accepted.size()) || !m_log)
        return nullptr;
    return m_log->record(int(m_accepted[size_t(row)] - m_firstSequence));
}

QModelIndex RequestLogFilterModel::index(int row, int column, const QModelIndex &parent) const
{
    if (parent.isValid() || row < 0 || row >= rowCount() || column < 0 || column >= columnCount())
        return {};
    return createIndex(row, column);
}

QModelIndex RequestLogFilterModel::parent(const QModelIndex &) const
{
    return {};
}

int RequestLogFilterModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_accepted.size());
}

int RequestLogFilterModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_log ? 0 : m_log->columnCount();
}

QModelIndex RequestLogFilterModel::mapToSource(const QModelIndex &proxyIndex) const
{
    if (!proxyIndex.isValid() || !m_log || proxyIndex.row() >= int(m_accepted.size()))
        return {};
    return m_log->index(int(m_accepted[size_t(proxyIndex.row())] - m_firstSequence), proxyIndex.column());
}

QModelIndex RequestLogFilterModel::mapFromSource(const QModelIndex &sourceIndex) const
{
    if (!sourceIndex.isValid() || !m_log)
        return {};
    const quint64 sequence = m_firstSequence + quint64(sourceIndex.row());
    const auto it = std::lower_bound(m_accepted.begin(), m_accepted.end(), sequence);
    if (it == m_accepted.end() || *it != sequence)
        return {};
    return createIndex(int(it - m_accepted.begin()), sourceIndex.column());
}

} // namespace gw::ui
