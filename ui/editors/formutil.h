#pragma once

#include <QComboBox>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QSpinBox>

namespace gw::ui::form {

// Setters that leave a widget alone when it already shows the value, so reloading a form after
// the user's own edit never moves the cursor or the selection.
inline void setText(QLineEdit *w, const QString &text)
{
    if (w->text() != text)
        w->setText(text);
}

inline void setText(QPlainTextEdit *w, const QString &text)
{
    if (w->toPlainText() != text)
        w->setPlainText(text);
}

inline void setValue(QSpinBox *w, int value)
{
    if (w->value() != value)
        w->setValue(value);
}

inline void setValue(QDoubleSpinBox *w, double value)
{
    if (w->value() != value)
        w->setValue(value);
}

// Selects the entry whose data (or text, when it has no data) is `value`; adds it when missing
// so an unknown value in a file is shown rather than silently replaced.
inline void setCurrent(QComboBox *w, const QString &value)
{
    int i = w->findData(value);
    if (i < 0)
        i = w->findText(value);
    if (i < 0) {
        w->addItem(value, value);
        i = w->count() - 1;
    }
    if (w->currentIndex() != i)
        w->setCurrentIndex(i);
}

// A comma-separated field as the console types lists ("a, b,c"): trimmed, empty parts dropped.
inline QStringList splitList(const QString &text)
{
    QStringList out;
    for (const QString &part : text.split(QLatin1Char(',')))
        if (!part.trimmed().isEmpty())
            out << part.trimmed();
    return out;
}

inline QString current(const QComboBox *w)
{
    const QVariant data = w->currentData();
    return data.isValid() ? data.toString() : w->currentText();
}

// A checkable list of (id, text) rows, `checked(id)` saying which are ticked. Rows that are
// already there are updated in place: a list is reloaded from inside its own itemChanged, and
// deleting the item that emitted it would pull the rug from under QListWidget.
template<typename Checked>
void setCheckList(QListWidget *list, const QList<QPair<QString, QString>> &rows, Checked checked)
{
    bool same = list->count() == rows.size();
    for (int r = 0; same && r < list->count(); ++r)
        same = list->item(r)->data(Qt::UserRole).toString() == rows[r].first;
    if (!same) {
        list->clear();
        for (const auto &row : rows) {
            auto *item = new QListWidgetItem(row.second, list);
            item->setData(Qt::UserRole, row.first);
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        }
    }
    for (int r = 0; r < list->count(); ++r) {
        QListWidgetItem *item = list->item(r);
        if (item->text() != rows[r].second)
            item->setText(rows[r].second);
        const Qt::CheckState state = checked(rows[r].first) ? Qt::Checked : Qt::Unchecked;
        // A new row reads Unchecked but holds no state at all, and Qt draws no box for it (nor
        // toggles it on a click or Space): the state must be set explicitly, Unchecked too.
        if (!item->data(Qt::CheckStateRole).isValid() || item->checkState() != state)
            item->setCheckState(state);
    }
}

} // namespace gw::ui::form
