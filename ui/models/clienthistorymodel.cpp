#include "clienthistorymodel.h"

#include <QUrl>

namespace gw::ui {

ClientHistoryModel::ClientHistoryModel(qsizetype capacity, QObject *parent)
    : QAbstractListModel(parent), m_capacity(qMax<qsizetype>(1, capacity)) {}

int ClientHistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

QVariant ClientHistoryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const ClientHistoryEntry &e = m_entries[index.row()];
    if (role == Qt::DisplayRole) {
        const QUrl url(e.request.url);
        const QString where = url.isValid() && !url.path().isEmpty()
            ? url.path() + (url.hasQuery() ? QLatin1Char('?') + url.query() : QString())
            : e.request.url;
        const QString status = e.status ? QString::number(e.status) : QStringLiteral("—");
        return QStringLiteral("%1 %2  →  %3 · %4 ms").arg(e.request.method, where, status).arg(e.elapsedMs);
    }
    if (role == Qt::ToolTipRole)
        return QStringLiteral("%1 %2\n%3").arg(e.request.method, e.request.url, e.sentAt.toLocalTime().toString(Qt::ISODate));
    return {};
}

void ClientHistoryModel::add(const ClientHistoryEntry &entry)
{
    if (m_entries.size() >= m_capacity) {
        const int first = int(m_capacity) - 1;
        beginRemoveRows({}, first, int(m_entries.size()) - 1);
        m_entries.resize(first);
        endRemoveRows();
    }
    beginInsertRows({}, 0, 0);
    m_entries.prepend(entry);
    endInsertRows();
}

const ClientHistoryEntry *ClientHistoryModel::entry(int row) const
{
    return row >= 0 && row < m_entries.size() ? &m_entries[row] : nullptr;
}

void ClientHistoryModel::clear()
{
    beginResetModel();
    m_entries.clear();
    endResetModel();
}

QJsonArray ClientHistoryModel::toJson() const
{
    QJsonArray out;
    for (const auto &e : m_entries) {
        QJsonObject o = e.request.toJson();
        o.insert(QStringLiteral("status"), e.status);
        o.insert(QStringLiteral("elapsedMs"), double(e.elapsedMs));
        o.insert(QStringLiteral("sentAt"), e.sentAt.toUTC().toString(Qt::ISODateWithMs));
        out.append(o);
    }
    return out;
}

void ClientHistoryModel::setJson(const QJsonArray &json)
{
    QList<ClientHistoryEntry> entries;
    for (const auto &v : json) {
        const QJsonObject o = v.toObject();
        ClientHistoryEntry e;
        e.request = ClientRequest::fromJson(o);
        if (e.request.url.isEmpty())
            continue;
        e.status = o.value(QStringLiteral("status")).toInt();
        e.elapsedMs = qint64(o.value(QStringLiteral("elapsedMs")).toDouble());
        e.sentAt = QDateTime::fromString(o.value(QStringLiteral("sentAt")).toString(), Qt::ISODateWithMs);
        entries.append(e);
        if (entries.size() == m_capacity)
            break;
    }
    beginResetModel();
    m_entries = entries;
    endResetModel();
}

} // namespace gw::ui
