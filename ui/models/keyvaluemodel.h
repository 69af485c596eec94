#pragma once

#include <QAbstractTableModel>

namespace gw::ui {

struct KeyValueRow
{
    QString key;
    QString value;
    bool enabled = true;
    friend bool operator==(const KeyValueRow &, const KeyValueRow &) = default;
};

// An editable table of key, value and an "enabled" check, as the client's query parameters and
// headers: the last row is always an empty one to type into, and typing there adds a row.
// edited() tells user edits (setData, removeRows, setValue) from programmatic setRows().
// Thread contract: GUI thread.
class KeyValueModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Enabled, Key, Value, ColumnCount };

    explicit KeyValueModel(Qt::CaseSensitivity keys, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool removeRows(int row, int count, const QModelIndex &parent = {}) override;

    const QList<KeyValueRow> &rows() const { return m_rows; }
    void setRows(const QList<KeyValueRow> &rows);
    QList<KeyValueRow> enabledRows() const;
    // The first enabled row with that key, or empty.
    QString value(const QString &key) const;
    // Sets the first row with that key (enabling it), appends one if none, removes every row of
    // that key when value is empty.
    void setValue(const QString &key, const QString &value);

signals:
    void edited();

private:
    bool isPlaceholder(int row) const { return row == m_rows.size(); }

    Qt::CaseSensitivity m_keys;
    QList<KeyValueRow> m_rows;
};

} // namespace gw::ui
