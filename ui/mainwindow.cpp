#include "mainwindow.h"

#include "clientpanel.h"
#include "dashboardpage.h"
#include "harexport.h"
#include "models/projecttreemodel.h"
#include "models/requestlogmodel.h"

#include "gateway/deploy/runtimeconfig.h"
#include "gateway/model/check.h"
#include "gateway/model/projectfile.h"
#include "gateway/observe/secretmask.h"
#include "gateway/runtime/engine.h"
#include "gateway/runtime/invokeurls.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QTabWidget>
#include <QFile>
#include <QJsonDocument>
#include <QStatusBar>
#include <QTableView>
#include <QToolBar>
#include <QTreeView>

namespace gw::ui {

MainWindow::MainWindow(gw::runtime::Engine *engine, QWidget *parent)
    : QMainWindow(parent), m_engine(engine), m_tree(new ProjectTreeModel(this)), m_log(new RequestLogModel(10000, this)),
      m_navigator(new QTreeView(this)), m_logView(new QTableView(this)), m_details(new QPlainTextEdit(this)),
      m_client(new ClientPanel(this)), m_statusLabel(new QLabel(this)),
      m_dashboard(new DashboardPage(engine->metrics(), this)), m_tabs(new QTabWidget(this))
{
    setWindowTitle(QStringLiteral("Gatewright"));
    resize(1280, 800);

    m_navigator->setModel(m_tree);
    m_navigator->setHeaderHidden(true);
    m_navigator->setObjectName(QStringLiteral("navigator"));
    auto *navDock = new QDockWidget(tr("Navigator"), this);
    navDock->setObjectName(QStringLiteral("navigatorDock"));
    navDock->setWidget(m_navigator);
    addDockWidget(Qt::LeftDockWidgetArea, navDock);

    m_logView->setModel(m_log);
    m_logView->setObjectName(QStringLiteral("liveLog"));
    m_logView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_logView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_logView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_logView->horizontalHeader()->setSectionResizeMode(RequestLogModel::Path, QHeaderView::Stretch);
    m_logView->verticalHeader()->hide();
    m_details->setReadOnly(true);
    m_details->setObjectName(QStringLiteral("traceView"));
    m_details->setPlaceholderText(tr("Select a request to see its request, response and execution trace."));
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_logView);
    splitter->addWidget(m_details);
    m_tabs->addTab(splitter, tr("Live log"));
    m_tabs->addTab(m_dashboard, tr("Dashboard"));
    setCentralWidget(m_tabs);

    auto *clientDock = new QDockWidget(tr("Client"), this);
    clientDock->setObjectName(QStringLiteral("clientDock"));
    clientDock->setWidget(m_client);
    addDockWidget(Qt::RightDockWidgetArea, clientDock);

    auto *file = menuBar()->addMenu(tr("&File"));
    QAction *open = file->addAction(tr("&Open…"), this, &MainWindow::openProject);
    open->setShortcut(QKeySequence::Open);
    file->addAction(tr("Export log as &HAR…"), this, [this]() { exportLog(true); });
    file->addAction(tr("Export log as &JSON lines…"), this, [this]() { exportLog(false); });
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), qApp, &QApplication::quit);
    quit->setShortcut(QKeySequence::Quit);
    auto *api = menuBar()->addMenu(tr("&API"));
    QAction *deployAction = api->addAction(tr("&Deploy"), this, &MainWindow::deploy);
    deployAction->setShortcut(Qt::Key_F5);
    auto *toolbar = addToolBar(tr("Main"));
    toolbar->setObjectName(QStringLiteral("mainToolbar"));
    toolbar->addAction(deployAction);
    QAction *pause = toolbar->addAction(tr("Pause log"));
    pause->setCheckable(true);
    connect(pause, &QAction::toggled, m_log, &RequestLogModel::setPaused);

    statusBar()->addPermanentWidget(m_statusLabel);
    connect(m_logView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { showRecord(current.row()); });
    connect(m_engine, &gw::runtime::Engine::requestsFinished, this, [this](const QList<gw::runtime::RequestRecord> &batch) {
        m_requests += quint64(batch.size());
        m_log->appendBatch(batch);
        if (!m_log->isPaused())
            m_logView->scrollToBottom();
        updateStatus();
    });
    connect(m_engine, &gw::runtime::Engine::started, this, [this]() {
        updateStatus();
        if (m_client->url().isEmpty())
            m_client->setUrl(firstStageUrl() + QStringLiteral("ping"));
    });
    connect(m_engine, &gw::runtime::Engine::startFailed, this, [this](const QString &message) {
        m_statusLabel->setText(tr("○ not serving: %1 — change the port in the project's server settings").arg(message));
    });
    connect(m_engine, &gw::runtime::Engine::stopped, this, &MainWindow::updateStatus);
    updateStatus();
}

void MainWindow::setProject(const gw::model::Project &project, const QString &fileName)
{
    m_project = project;
    m_fileName = fileName;
    m_tree->setProject(project);
    m_navigator->expandToDepth(1);
    setWindowTitle(QStringLiteral("%1 — Gatewright").arg(QFileInfo(fileName).fileName()));
    deploy();
}

void MainWindow::deploy()
{
    gw::model::Diagnostics diagnostics;
    auto config = gw::deploy::compile(m_project, &diagnostics, QFileInfo(m_fileName).absolutePath());
    m_engine->deploy(config);
    const auto problems = gw::model::check(m_project);
    statusBar()->showMessage(problems.isEmpty() ? tr("Deployed") : tr("Deployed with %1 problem(s): %2")
                                                                        .arg(problems.size()).arg(problems.first().toString()), 8000);
}

void MainWindow::openProject()
{
    const QString file = QFileDialog::getOpenFileName(this, tr("Open project"), QFileInfo(m_fileName).absolutePath(),
                                                      tr("Gatewright projects (*.gwproj)"));
    if (file.isEmpty())
        return;
    const auto loaded = gw::model::loadProject(file);
    if (!loaded.ok) {
        statusBar()->showMessage(loaded.diagnostics.value(0).toString(file), 15000);
        return;
    }
    setProject(loaded.project, file);
}

void MainWindow::showDashboard()
{
    m_tabs->setCurrentWidget(m_dashboard);
}

void MainWindow::exportLog(bool har)
{
    // The selected rows, or the whole log when nothing is selected.
    QList<gw::runtime::RequestRecord> records;
    const auto rows = m_logView->selectionModel()->selectedRows();
    for (int row = 0; row < m_log->rowCount(); ++row)
        if (rows.isEmpty() || m_logView->selectionModel()->isRowSelected(row, {}))
            records.append(*m_log->record(row));
    const QString file = QFileDialog::getSaveFileName(this, har ? tr("Export as HAR") : tr("Export as JSON lines"), QString(),
                                                      har ? tr("HAR files (*.har)") : tr("JSON lines (*.jsonl)"));
    if (file.isEmpty())
        return;
    QFile out(file);
    if (!out.open(QIODevice::WriteOnly)) {
        statusBar()->showMessage(tr("%1: cannot write: %2").arg(file, out.errorString()), 10000);
        return;
    }
    out.write(har ? QJsonDocument(toHar(records, gw::runtime::baseUrl(m_engine->host(), m_engine->port()))).toJson()
                  : toJsonLines(records));
    statusBar()->showMessage(tr("Exported %1 request(s) to %2").arg(records.size()).arg(file), 8000);
}

void MainWindow::selectLogRow(int row)
{
    m_logView->selectRow(row);
}

void MainWindow::showRecord(int row)
{
    const auto *r = m_log->record(row);
    if (!r) {
        m_details->clear();
        return;
    }
    QString text = QStringLiteral("%1 %2  →  %3   (%4 ms)\nrequest id %5\n\n").arg(r->method, r->path).arg(r->status)
                       .arg(double(r->latencyUs) / 1000.0, 0, 'f', 2).arg(r->requestId);
    text += tr("Request headers\n");
    for (const auto &h : r->request.headers) {
        const QByteArray value = gw::observe::isSecretHeader(h.first) ? gw::observe::maskSecret(h.second) : h.second;
        text += QStringLiteral("  %1: %2\n").arg(QString::fromLatin1(h.first), QString::fromUtf8(value));
    }
    if (!r->request.body.isEmpty())
        text += tr("Request body\n  ") + QString::fromUtf8(r->request.body) + QLatin1Char('\n');
    text += tr("\nResponse headers\n");
    for (const auto &h : r->response.headers)
        text += QStringLiteral("  %1: %2\n").arg(QString::fromLatin1(h.first), QString::fromUtf8(h.second));
    text += tr("Response body\n  ") + QString::fromUtf8(r->response.body) + QStringLiteral("\n\n") + tr("Execution trace\n");
    for (const auto &line : r->trace)
        text += QStringLiteral("  %1 ms  %2  %3\n").arg(double(line.elapsedUs) / 1000.0, 7, 'f', 3).arg(line.phase, -20).arg(line.text);
    m_details->setPlainText(text);
}

QString MainWindow::firstStageUrl() const
{
    for (const auto &api : m_project.apis)
        for (const auto &stage : api.stages)
            if (!stage.deploymentId.isEmpty())
                return gw::runtime::stageUrl(api.id, stage.name, m_engine->port());
    return gw::runtime::baseUrl(m_engine->host(), m_engine->port()) + QLatin1Char('/');
}

void MainWindow::updateStatus()
{
    if (!m_engine->isRunning()) {
        if (!m_statusLabel->text().startsWith(QStringLiteral("○ not serving:")))
            m_statusLabel->setText(tr("○ stopped"));
        return;
    }
    QString text = tr("● serving %1 · %2 requests").arg(firstStageUrl()).arg(m_requests);
    // Never lose a line silently: say so when the access-log writer has fallen behind.
    if (const quint64 dropped = m_engine->accessLogs()->droppedLines())
        text += tr(" · %1 access-log lines dropped").arg(dropped);
    if (const quint64 dropped = m_engine->droppedRecords())
        text += tr(" · %1 live-log rows dropped").arg(dropped);
    m_statusLabel->setText(text);
}

} // namespace gw::ui
