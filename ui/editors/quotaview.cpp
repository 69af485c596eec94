#include "quotaview.h"

#include "gateway/deploy/runtimeconfig.h"

#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace gw::ui {

QuotaView::QuotaView(QWidget *parent) : QWidget(parent), m_table(new QTableWidget(0, 5, this)), m_note(new QLabel(this))
{
    m_table->setObjectName(QStringLiteral("remainingQuota"));
    m_table->setHorizontalHeaderLabels({tr("API key"), tr("Used"), tr("Remaining"), tr("Limit"), tr("Period resets (UTC)")});
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_note->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_note);
    m_timer.setInterval(1000);
    connect(&m_timer, &QTimer::timeout, this, &QuotaView::refresh);
    connect(&m_watcher, &QFutureWatcher<QList<gw::apikeys::QuotaStatus>>::finished, this, [this]() { showRows(m_watcher.result()); });
}

QuotaView::~QuotaView()
{
    m_watcher.waitForFinished(); // the read takes microseconds; it must not outlive the watcher
}

void QuotaView::setPlan(const QString &planId)
{
    if (planId == m_planId)
        return;
    m_planId = planId;
    m_table->setRowCount(0);
    refresh();
}

void QuotaView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    m_timer.start();
    refresh();
}

void QuotaView::hideEvent(QHideEvent *event)
{
    m_timer.stop();
    QWidget::hideEvent(event);
}

void QuotaView::refresh()
{
    if (m_watcher.isRunning())
        return; // the previous read is still out; the next tick catches up
    const auto config = m_source ? m_source() : nullptr;
    if (!config || !config->apiKeys || !config->quotas) {
        m_table->setRowCount(0);
        m_note->setText(tr("Not serving: start the engine to see the quota used."));
        emit refreshed();
        return;
    }
    const QString planId = m_planId;
    m_watcher.setFuture(QtConcurrent::run([config, planId]() {
        QList<gw::apikeys::QuotaStatus> rows;
        for (const auto &q : gw::apikeys::quotaStatus(*config->apiKeys, *config->quotas))
            if (q.planId == planId)
                rows.append(q);
        return rows;
    }));
}

void QuotaView::showRows(const QList<gw::apikeys::QuotaStatus> &rows)
{
    m_table->setRowCount(int(rows.size()));
    for (int r = 0; r < rows.size(); ++r) {
        const auto &q = rows[r];
        const QStringList cells = {q.keyName.isEmpty() ? q.keyId : q.keyName, QString::number(q.limit - q.remaining),
                                   QString::number(q.remaining), QStringLiteral("%1 / %2").arg(q.limit).arg(q.period),
                                   q.resetsAt.toString(Qt::ISODate)};
        for (int c = 0; c < cells.size(); ++c) {
            QTableWidgetItem *cell = m_table->item(r, c);
            if (!cell)
                m_table->setItem(r, c, cell = new QTableWidgetItem);
            cell->setText(cells[c]);
            cell->setData(Qt::UserRole, q.keyId);
        }
    }
    m_note->setText(rows.isEmpty() ? tr("No served key in this plan has a quota (deploy after adding keys and a quota).") : QString());
    emit refreshed();
}

qint64 QuotaView::remainingShown(const QString &keyId) const
{
    for (int r = 0; r < m_table->rowCount(); ++r)
        if (m_table->item(r, 2) && m_table->item(r, 2)->data(Qt::UserRole).toString() == keyId)
            return m_table->item(r, 2)->text().toLongLong();
    return -1;
}

} // namespace gw::ui
