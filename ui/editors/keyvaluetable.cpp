#include "keyvaluetable.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace gw::ui {

KeyValueTable::KeyValueTable(const QString &keyHeader, const QString &valueHeader, QWidget *parent)
    : QWidget(parent), m_table(new QTableWidget(0, 2, this))
{
    m_table->setHorizontalHeaderLabels({keyHeader, valueHeader});
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    auto *add = new QPushButton(tr("Add"), this);
    auto *remove = new QPushButton(tr("Remove"), this);
    add->setObjectName(QStringLiteral("add"));
    remove->setObjectName(QStringLiteral("remove"));
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(remove);
    buttons->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_table);
    layout->addLayout(buttons);

    connect(add, &QPushButton::clicked, this, [this]() {
        m_loading = true;
        const int row = m_table->rowCount();
        m_table->insertRow(row);
        m_table->setItem(row, 0, new QTableWidgetItem);
        m_table->setItem(row, 1, new QTableWidgetItem);
        m_loading = false;
        m_table->editItem(m_table->item(row, 0));
    });
    connect(remove, &QPushButton::clicked, this, [this]() {
        const int row = m_table->currentRow();
        if (row < 0)
            return;
        m_table->removeRow(row);
        emit edited(pairs());
    });
    connect(m_table, &QTableWidget::itemChanged, this, [this]() {
        if (!m_loading)
            emit edited(pairs());
    });
}

void KeyValueTable::setPairs(const Pairs &pairs)
{
    if (pairs == this->pairs())
        return;
    m_loading = true;
    m_table->setRowCount(int(pairs.size()));
    for (int r = 0; r < pairs.size(); ++r) {
        m_table->setItem(r, 0, new QTableWidgetItem(pairs[r].first));
        m_table->setItem(r, 1, new QTableWidgetItem(pairs[r].second));
    }
    m_loading = false;
}

KeyValueTable::Pairs KeyValueTable::pairs() const
{
    Pairs out;
    for (int r = 0; r < m_table->rowCount(); ++r) {
        const auto *k = m_table->item(r, 0);
        const auto *v = m_table->item(r, 1);
        if (k && !k->text().trimmed().isEmpty())
            out.append({k->text().trimmed(), v ? v->text() : QString()});
    }
    return out;
}

void KeyValueTable::addRow(const QString &key, const QString &value)
{
    m_loading = true;
    const int row = m_table->rowCount();
    m_table->insertRow(row);
    m_table->setItem(row, 0, new QTableWidgetItem(key));
    m_table->setItem(row, 1, new QTableWidgetItem(value));
    m_loading = false;
    emit edited(pairs());
}

} // namespace gw::ui
