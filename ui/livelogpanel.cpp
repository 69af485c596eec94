#include "livelogpanel.h"

#include "ui/models/recorddetails.h"
#include "ui/models/requestlogfiltermodel.h"
#include "ui/models/requestlogmodel.h"
#include "ui/models/tracetimeline.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QTableView>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace gw::ui {

LiveLogPanel::LiveLogPanel(QWidget *parent)
    : QWidget(parent), m_log(new RequestLogModel(10000, this)), m_filter(new RequestLogFilterModel(this)),
      m_filterEdit(new QLineEdit(this)), m_pause(new QToolButton(this)), m_follow(new QToolButton(this)),
      m_counts(new QLabel(this)), m_view(new QTableView(this))
{
    m_filter->setSourceModel(m_log);
    m_filterEdit->setObjectName(QStringLiteral("logFilter"));
    m_filterEdit->setPlaceholderText(tr("Filter: POST /pets 5xx dev (Ctrl+F)"));
    m_filterEdit->setClearButtonEnabled(true);
    m_pause->setObjectName(QStringLiteral("logPause"));
    m_pause->setText(tr("⏸ Pause"));
    m_pause->setToolTip(tr("Stop adding rows; requests meanwhile are not kept"));
    m_pause->setCheckable(true);
    m_follow->setObjectName(QStringLiteral("logFollow"));
    m_follow->setText(tr("Follow"));
    m_follow->setToolTip(tr("Keep the newest row in view"));
    m_follow->setCheckable(true);
    m_follow->setChecked(true);
    m_counts->setObjectName(QStringLiteral("logCounts"));
    auto *bar = new QHBoxLayout;
    bar->addWidget(m_filterEdit, 1);
    bar->addWidget(m_pause);
    bar->addWidget(m_follow);
    bar->addWidget(m_counts);

    m_view->setObjectName(QStringLiteral("logView"));
    m_view->setModel(m_filter);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setWordWrap(false);
    // Fixed row heights and no per-row header: inserting thousands of rows stays cheap.
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setColumnWidth(RequestLogModel::Time, m_view->fontMetrics().horizontalAdvance(QStringLiteral("00:00:00.000")) + 16);
    m_view->setColumnWidth(RequestLogModel::Path, 240);

    auto *top = new QWidget(this);
    auto *topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addLayout(bar);
    topLayout->addWidget(m_view, 1);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(top);
    splitter->addWidget(buildDetails());
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);

    connect(m_filterEdit, &QLineEdit::textChanged, this, &LiveLogPanel::setFilterText);
    connect(m_pause, &QToolButton::toggled, this, &LiveLogPanel::setPaused);
    connect(m_follow, &QToolButton::toggled, this, [this](bool on) {
        if (on)
            m_view->scrollToBottom();
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                // No current row (a new filter, dropped rows): keep showing the copy.
                if (const auto *record = m_filter->record(current.row()))
                    showRecord(*record);
            });
    auto *find = new QShortcut(QKeySequence::Find, this, nullptr, nullptr, Qt::WidgetWithChildrenShortcut);
    connect(find, &QShortcut::activated, this, &LiveLogPanel::focusFilter);
    updateCounts();
}

QWidget *LiveLogPanel::buildDetails()
{
    auto *part = new QWidget(this);
    m_details = new QPlainTextEdit(part);
    m_details->setObjectName(QStringLiteral("logDetails"));
    m_details->setReadOnly(true);
    m_details->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_timeline = new QTreeWidget(part);
    m_timeline->setObjectName(QStringLiteral("logTimeline"));
    m_timeline->setHeaderLabels({tr("Phase / line"), tr("At (ms)"), tr("Took (ms)")});
    m_timeline->setUniformRowHeights(true);
    m_sendAgain = new QPushButton(tr("Send again"), part);
    m_sendAgain->setObjectName(QStringLiteral("logSendAgain"));
    m_sendAgain->setToolTip(tr("Put this request in the client"));
    m_sendAgain->setEnabled(false);
    auto *split = new QSplitter(Qt::Horizontal, part);
    split->addWidget(m_details);
    split->addWidget(m_timeline);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_sendAgain);
    auto *layout = new QVBoxLayout(part);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(split, 1);
    layout->addLayout(buttons);
    connect(m_sendAgain, &QPushButton::clicked, this, [this]() {
        if (!m_shown)
            return;
        const ClientRequest r = recorddetails::replayRequest(*m_shown, m_baseUrl);
        emit sendAgain(r.method, r.url, r.headers, r.body);
    });
    return part;
}

QAbstractItemView *LiveLogPanel::view() const { return m_view; }
QString LiveLogPanel::filterText() const { return m_filter->filterText(); }
bool LiveLogPanel::isPaused() const { return m_log->isPaused(); }
bool LiveLogPanel::isFollowing() const { return m_follow->isChecked(); }
void LiveLogPanel::setFollowing(bool follow) { m_follow->setChecked(follow); }

void LiveLogPanel::setPaused(bool paused)
{
    m_log->setPaused(paused);
    m_pause->setChecked(paused);
    updateCounts();
}

void LiveLogPanel::setFilterText(const QString &text)
{
    if (m_filterEdit->text() != text)
        m_filterEdit->setText(text); // comes back here through textChanged
    m_filter->setFilterText(text);
    if (m_shown) { // the reset lost the selection: find the shown row again if it passes
        for (int row = m_filter->rowCount() - 1; row >= 0; --row)
            if (m_filter->record(row)->requestId == m_shown->requestId) {
                m_view->setCurrentIndex(m_filter->index(row, 0));
                break;
            }
    }
    if (isFollowing())
        m_view->scrollToBottom();
    updateCounts();
}

void LiveLogPanel::appendBatch(const QList<gw::runtime::RequestRecord> &records)
{
    m_log->appendBatch(records);
    if (isFollowing() && !isPaused())
        m_view->scrollToBottom();
    updateCounts();
}

void LiveLogPanel::focusFilter()
{
    m_filterEdit->setFocus(Qt::ShortcutFocusReason);
    m_filterEdit->selectAll();
}

void LiveLogPanel::clear()
{
    m_log->clear();
    m_shown.reset();
    m_details->clear();
    m_timeline->clear();
    m_sendAgain->setEnabled(false);
    updateCounts();
}

void LiveLogPanel::selectRow(int row)
{
    m_view->setCurrentIndex(m_filter->index(row, 0));
}

bool LiveLogPanel::selectRequest(const QString &requestId)
{
    for (int row = m_filter->rowCount() - 1; row >= 0; --row) {
        if (m_filter->record(row)->requestId == requestId) {
            selectRow(row);
            m_view->scrollTo(m_filter->index(row, 0));
            return true;
        }
    }
    return false;
}

QString LiveLogPanel::detailsText() const
{
    return m_shown ? m_details->toPlainText() + QLatin1Char('\n') + tr("Execution trace\n") + recorddetails::traceText(*m_shown) : QString();
}

void LiveLogPanel::showRecord(const gw::runtime::RequestRecord &record)
{
    m_shown = record;
    m_sendAgain->setEnabled(true);
    m_details->setPlainText(recorddetails::text(record));
    m_timeline->clear();
    const auto ms = [](qint64 us) { return QString::number(double(us) / 1000.0, 'f', 3); };
    QList<QTreeWidgetItem *> items;
    for (const TracePhase &phase : traceTimeline(record.trace, record.latencyUs)) {
        auto *item = new QTreeWidgetItem({phase.phase, ms(phase.startUs), ms(phase.durationUs)});
        for (const auto &line : phase.lines)
            item->addChild(new QTreeWidgetItem({line.text, ms(line.elapsedUs), QString()}));
        items.append(item);
    }
    m_timeline->addTopLevelItems(items);
    m_timeline->expandAll();
    m_timeline->resizeColumnToContents(1);
}

void LiveLogPanel::updateCounts()
{
    QString text = tr("%1 of %2").arg(m_filter->rowCount()).arg(m_log->rowCount());
    if (m_log->skipped())
        text += tr(" · %1 not kept").arg(m_log->skipped());
    m_counts->setText(text);
}

} // namespace gw::ui
