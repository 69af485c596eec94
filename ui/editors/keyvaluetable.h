#pragma once

#include <QList>
#include <QPair>
#include <QWidget>

class QTableWidget;

namespace gw::ui {

// A two-column table of name/value rows with Add and Remove, for stage variables, parameter
// mappings, headers and the like. Emits `edited` with all rows after each user change; rows
// with an empty name are kept while being typed but left out of `pairs()`.
// Thread contract: GUI thread.
class KeyValueTable : public QWidget
{
    Q_OBJECT
public:
    using Pairs = QList<QPair<QString, QString>>;
    KeyValueTable(const QString &keyHeader, const QString &valueHeader, QWidget *parent = nullptr);

    void setPairs(const Pairs &pairs);   // no-op when they are already shown
    Pairs pairs() const;
    QTableWidget *table() const { return m_table; }
    // For tests and for "add" buttons elsewhere: appends a row and reports the edit.
    void addRow(const QString &key, const QString &value);

signals:
    void edited(const gw::ui::KeyValueTable::Pairs &pairs);

private:
    QTableWidget *m_table;
    bool m_loading = false;
};

} // namespace gw::ui
