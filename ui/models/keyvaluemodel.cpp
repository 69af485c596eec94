#include "keyvaluemodel.h"

namespace gw::ui {

KeyValueModel::KeyValueModel(Qt::CaseSensitivity keys, QObject *parent) : QAbstractTableModel(parent), m_keys(keys) {}

int KeyValueModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size()) + 1;
}

int KeyValueModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant KeyValueModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid) || isPlaceholder(index.row()))
        return {};
    const KeyValueRow &r = m_rows[index.row()];
    if (index.column() == Enabled)
        return role == Qt::CheckStateRole ? QVariant(r.enabled ? Qt::Checked : Qt::Unchecked) : QVariant();
    if (role == Qt::DisplayRole || role == Qt::EditRole)
        return index.column() == Key ? r.key : r.value;
    return {};
}

bool KeyValueModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return false;
    const bool check = index.column() == Enabled && role == Qt::CheckStateRole;
    const bool text = index.column() != Enabled && role == Qt::EditRole;
    if (!check && !text)
        return false;
    if (isPlaceholder(index.row())) {
        if (check || value.toString().isEmpty())
            return false;
        // Typing into the empty last row makes it real and adds a new empty row below.
        beginInsertRows({}, int(m_rows.size()) + 1, int(m_rows.size()) + 1);
        m_rows.append(KeyValueRow{});
        endInsertRows();
    }
    KeyValueRow &r = m_rows[index.row()];
    if (check)
        r.enabled = Qt::CheckState(value.toInt()) == Qt::Checked;
    else if (index.column() == Key)
        r.key = value.toString();
    else
        r.value = value.toString();
    emit dataChanged(this->index(index.row(), 0), this->index(index.row(), ColumnCount - 1));
    emit edited();
    return true;
}

Qt::ItemFlags KeyValueModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    if (index.column() == Enabled)
        return isPlaceholder(index.row()) ? Qt::ItemIsEnabled : Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsEditable;
}

QVariant KeyValueModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Enabled: return QString();
    case Key: return tr("Key");
    case Value: return tr("Value");
    }
    return {};
}

bool KeyValueModel::removeRows(int row, int count, const QModelIndex &parent)
{
    if (parent.isValid() || row < 0 || count <= 0 || row + count > m_rows.size())
        return false; // the empty last row cannot go
    beginRemoveRows({}, row, row + count - 1);
    m_rows.remove(row, count);
    endRemoveRows();
    emit edited();
    return true;
}

void KeyValueModel::setRows(const QList<KeyValueRow> &rows)
{
    if (rows == m_rows)
        return;
    beginResetModel();
    m_rows = rows;
    endResetModel();
}

QList<KeyValueRow> KeyValueModel::enabledRows() const
{
    QList<KeyValueRow> out;
    for (const auto &r : m_rows)
        if (r.enabled && !r.key.isEmpty())
            out.append(r);
    return out;
}

QString KeyValueModel::value(const QString &key) const
{
    for (const auto &r : m_rows)
        if (r.enabled && r.key.compare(key, m_keys) == 0)
            return r.value;
    return {};
}

void KeyValueModel::setValue(const QString &key, const QString &value)
{
    if (value.isEmpty()) {
        for (int i = int(m_rows.size()) - 1; i >= 0; --i)
            if (m_rows[i].key.compare(key, m_keys) == 0)
                removeRows(i, 1);
        return;
    }
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].key.compare(key, m_keys) == 0) {
            m_rows[i].value = value;
            m_rows[i].enabled = true;
            emit dataChanged(index(i, 0), index(i, ColumnCount - 1));
            emit edited();
            return;
        }
    }
    const int row = int(m_rows.size());
    beginInsertRows({}, row, row);
    m_rows.append({key, value, true});
    endInsertRows();
    emit edited();
}

} // namespace gw::ui
