#include "mainwindow.h"

#include "clientpanel.h"
#include "dashboardpage.h"
#include "document/projectdocument.h"
#include "document/runtimecontroller.h"
#include "editors/editorarea.h"
#include "editors/stageeditor.h"
#include "harexport.h"
#include "livelogpanel.h"
#include "models/requestlogfiltermodel.h"
#include "models/requestlogmodel.h"
#include "navigatorpanel.h"
#include "openapiexportdialog.h"
#include "openapiimportdialog.h"
#include "openapiimporter.h"
#include "quickjump.h"

#include "gateway/model/deployments.h"
#include "gateway/observe/secretmask.h"
#include "gateway/runtime/engine.h"
#include "gateway/runtime/invokeurls.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QCloseEvent>
#include <QComboBox>
#include <QDockWidget>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLineEdit>
#include <QJsonDocument>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QVBoxLayout>
#include <QDialog>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QToolBar>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>

namespace gw::ui {

namespace {
constexpr int kMaxRecent = 8;
}

MainWindow::MainWindow(gw::runtime::Engine *engine, QWidget *parent)
    : QMainWindow(parent), m_engine(engine), m_document(new ProjectDocument(this)),
      m_runtime(new RuntimeController(m_document, engine, this)), m_navigator(new NavigatorPanel(m_document, this)),
      m_editors(new EditorArea(m_document, this)), m_logPanel(new LiveLogPanel(this)), m_client(new ClientPanel(this)), m_statusLabel(new QLabel(this)),
      m_dashboard(new DashboardPage(engine->metrics(), this)), m_tabs(new QTabWidget(this)), m_quickJump(new QuickJump(this)),
      m_stage(new QComboBox(this)), m_autoDeploy(new QCheckBox(tr("auto-deploy"), this)), m_url(new QLabel(this))
{
    setWindowTitle(QStringLiteral("Gatewright"));
    resize(1400, 860);
    m_editors->stageEditor()->setTraffic(engine->traffic());
    setDockNestingEnabled(true);

    auto *navDock = new QDockWidget(tr("Navigator"), this);
    navDock->setObjectName(QStringLiteral("navigatorDock"));
    navDock->setWidget(m_navigator);
    addDockWidget(Qt::LeftDockWidgetArea, navDock);

    m_notice = new QWidget(this);
    m_notice->setObjectName(QStringLiteral("notice"));
    m_noticeText = new QLabel(m_notice);
    m_noticeText->setWordWrap(true);
    m_recoverButton = new QPushButton(tr("Recover"), m_notice);
    m_recoverButton->setObjectName(QStringLiteral("recover"));
    auto *dismiss = new QPushButton(tr("Dismiss"), m_notice);
    dismiss->setObjectName(QStringLiteral("dismissNotice"));
    auto *noticeLayout = new QHBoxLayout(m_notice);
    noticeLayout->addWidget(m_noticeText, 1);
    noticeLayout->addWidget(m_recoverButton);
    noticeLayout->addWidget(dismiss);
    m_notice->setAutoFillBackground(true);
    QPalette p = m_notice->palette();
    p.setColor(QPalette::Window, p.color(QPalette::ToolTipBase));
    p.setColor(QPalette::WindowText, p.color(QPalette::ToolTipText));
    m_notice->setPalette(p);
    m_notice->hide();
    connect(m_recoverButton, &QPushButton::clicked, this, [this]() {
        QString error;
        if (m_document->recover(&error))
            showNotice(tr("Recovered the unsaved changes. Save to keep them; Undo goes back to the saved file."), false);
        else
            showNotice(tr("Could not read the recovery file: %1").arg(error), false);
    });
    connect(dismiss, &QPushButton::clicked, this, [this]() {
        if (m_recoverButton->isVisible())
            m_document->discardRecovery();
        m_notice->hide();
    });

    m_tabs->addTab(m_editors, tr("Design"));
    m_tabs->addTab(m_dashboard, tr("Dashboard"));
    auto *central = new QWidget(this);
    auto *centralLayout = new QVBoxLayout(central);
    centralLayout->setContentsMargins(0, 0, 0, 0);
    centralLayout->addWidget(m_notice);
    centralLayout->addWidget(m_tabs, 1);
    setCentralWidget(central);

    auto *logDock = new QDockWidget(tr("Live log"), this);
    logDock->setObjectName(QStringLiteral("logDock"));
    logDock->setWidget(m_logPanel);
    connect(m_logPanel, &LiveLogPanel::sendAgain, this,
            [this](const QString &method, const QString &url, const QList<QPair<QByteArray, QByteArray>> &headers,
                   const QByteArray &body) {
                m_client->loadRequest(method, url, headers, body);
                m_clientDock->show();
                m_clientDock->raise();
            });
    connect(m_client, &ClientPanel::traceRequested, this, [this](const QString &requestId) {
        if (!m_logPanel->selectRequest(requestId))
            statusBar()->showMessage(tr("That request is no longer in the live log (or the log is paused)."), 6000);
    });
    addDockWidget(Qt::BottomDockWidgetArea, logDock);

    m_clientDock = new QDockWidget(tr("Client"), this);
    m_clientDock->setObjectName(QStringLiteral("clientDock"));
    m_clientDock->setWidget(m_client);
    addDockWidget(Qt::RightDockWidgetArea, m_clientDock);

    buildMenus();
    buildToolbar();
    m_importProgress = new QProgressBar(this);
    m_importProgress->setObjectName(QStringLiteral("importProgress"));
    m_importProgress->setRange(0, 0); // busy: the import reports no steps
    m_importProgress->setMaximumWidth(160);
    m_importProgress->hide();
    statusBar()->addPermanentWidget(m_importProgress);
    statusBar()->addPermanentWidget(m_statusLabel);
    m_importer = new OpenApiImporter(m_document, this);
    connect(m_importer, &OpenApiImporter::finished, this, &MainWindow::onImportFinished);

    m_editors->setServedConfig([engine]() { return engine->config(); });
    connect(m_navigator, &NavigatorPanel::itemSelected, this, &MainWindow::onItemSelected);
    connect(m_editors, &EditorArea::openItem, m_navigator, &NavigatorPanel::select);
    connect(m_quickJump, &QuickJump::chosen, m_navigator, &NavigatorPanel::select);
    connect(m_document, &ProjectDocument::changed, this, [this]() {
        updateStages();
        updateTitle();
    });
    connect(m_document, &ProjectDocument::modifiedChanged, this, &MainWindow::updateTitle);
    connect(m_document, &ProjectDocument::fileNameChanged, this, &MainWindow::updateTitle);
    connect(m_runtime, &RuntimeController::pushed, this, [this](const gw::model::Diagnostics &problems) {
        if (!problems.isEmpty())
            statusBar()->showMessage(tr("Serving, with %n problem(s): %1", nullptr, int(problems.size())).arg(problems.first().toString()), 8000);
    });
    connect(m_engine, &gw::runtime::Engine::requestsFinished, this, [this](const QList<gw::runtime::RequestRecord> &batch) {
        m_requests += quint64(batch.size());
        m_logPanel->appendBatch(batch);
        updateStatus();
    });
    connect(m_engine, &gw::runtime::Engine::started, this, [this]() {
        updateStatus();
        m_logPanel->setBaseUrl(gw::runtime::baseUrl(m_engine->host(), m_engine->port()));
        if (m_client->url().isEmpty())
            m_client->setUrl(stageUrl() + QStringLiteral("ping"));
    });
    connect(m_engine, &gw::runtime::Engine::startFailed, this, [this](const QString &message) {
        m_statusLabel->setText(tr("○ not serving: %1 — change the port in the project's settings").arg(message));
        m_run->setChecked(false);
    });
    connect(m_engine, &gw::runtime::Engine::stopped, this, &MainWindow::updateStatus);

    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    rebuildRecentMenu();
    updateTitle();
    updateStatus();
}

MainWindow::~MainWindow() = default;

void MainWindow::buildMenus()
{
    auto *file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&New project"), QKeySequence::New, this, &MainWindow::newProject);
    file->addAction(tr("&Open…"), QKeySequence::Open, this, &MainWindow::openProject);
    m_recentMenu = file->addMenu(tr("Open &recent"));
    file->addAction(tr("&Save"), QKeySequence::Save, this, &MainWindow::save);
    file->addAction(tr("Save &as…"), QKeySequence::SaveAs, this, &MainWindow::saveAs);
    file->addSeparator();
    file->addAction(tr("&Import OpenAPI…"), this, [this]() {
        // Window-modal and not exec(): no nested event loop; the import starts when it is accepted.
        auto *dialog = new OpenApiImportDialog(QFileInfo(m_document->fileName()).absolutePath(), this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &QDialog::accepted, this, [this, dialog]() { importOpenApi(dialog->fileName(), dialog->apiType()); });
        dialog->open();
    });
    file->addAction(tr("E&xport OpenAPI…"), this, [this]() {
        if (project().apis.isEmpty()) {
            statusBar()->showMessage(tr("There is no API to export"), 5000);
            return;
        }
        OpenApiExportDialog dialog(project(), m_runtime->targetApi(), this);
        dialog.exec();
    });
    file->addSeparator();
    file->addAction(tr("Export log as &HAR…"), this, [this]() { exportLog(true); });
    file->addAction(tr("Export log as &JSON lines…"), this, [this]() { exportLog(false); });
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);

    auto *edit = menuBar()->addMenu(tr("&Edit"));
    QAction *undo = m_document->undoStack()->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    QAction *redo = m_document->undoStack()->createRedoAction(this, tr("&Redo"));
    redo->setShortcuts({QKeySequence::Redo, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z)});
    edit->addAction(undo);
    edit->addAction(redo);
    edit->addSeparator();
    edit->addAction(tr("&Jump to…"), QKeySequence(Qt::CTRL | Qt::Key_K), this, &MainWindow::jumpTo);

    auto *api = menuBar()->addMenu(tr("&API"));
    QAction *deployAction = api->addAction(tr("&Deploy…"), QKeySequence(Qt::Key_F5), this, &MainWindow::deployInteractive);
    deployAction->setObjectName(QStringLiteral("deployAction"));
    m_run = api->addAction(tr("&Run gateway"));
    m_run->setCheckable(true);
    m_run->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    connect(m_run, &QAction::toggled, this, [this](bool on) {
        if (on == m_engine->isRunning())
            return;
        if (on)
            m_runtime->start();
        else
            m_runtime->stop();
    });
    auto *view = menuBar()->addMenu(tr("&View"));
    view->addAction(tr("&Dashboard"), this, &MainWindow::showDashboard);
    view->addAction(tr("D&esign"), this, [this]() { m_tabs->setCurrentWidget(m_editors); });
}

void MainWindow::buildToolbar()
{
    auto *toolbar = addToolBar(tr("Main"));
    toolbar->setObjectName(QStringLiteral("mainToolbar"));
    toolbar->addAction(m_run);
    QAction *deployAction = findChild<QAction *>(QStringLiteral("deployAction"));
    toolbar->addAction(deployAction);
    toolbar->addWidget(new QLabel(tr(" stage "), this));
    m_stage->setObjectName(QStringLiteral("stage"));
    m_stage->setEditable(true);
    m_stage->setMinimumContentsLength(8);
    m_stage->setToolTip(tr("The stage Deploy and auto-deploy write to; type a new name to create one"));
    toolbar->addWidget(m_stage);
    m_autoDeploy->setObjectName(QStringLiteral("autoDeploy"));
    m_autoDeploy->setToolTip(tr("Serve every change of the design on this stage at once, without recording deployments"));
    toolbar->addWidget(m_autoDeploy);
    toolbar->addSeparator();
    m_url->setObjectName(QStringLiteral("stageUrl"));
    m_url->setTextInteractionFlags(Qt::TextSelectableByMouse);
    toolbar->addWidget(m_url);
    QAction *copy = toolbar->addAction(tr("Copy URL"));
    connect(copy, &QAction::triggered, this, [this]() { QGuiApplication::clipboard()->setText(stageUrl()); });

    connect(m_stage, &QComboBox::currentTextChanged, this, [this](const QString &stage) {
        m_runtime->setTarget(m_runtime->targetApi(), stage.trimmed());
        updateStatus();
    });
    connect(m_autoDeploy, &QCheckBox::toggled, m_runtime, &RuntimeController::setAutoDeploy);
}

void MainWindow::setProject(const gw::model::Project &project, const QString &fileName)
{
    m_document->reset(project, fileName.isEmpty() ? QString() : QFileInfo(fileName).absoluteFilePath());
    if (!fileName.isEmpty())
        addRecent(m_document->fileName());
    // Aim Deploy at the first API and its first stage, and show that API.
    if (!project.apis.isEmpty()) {
        const auto &api = project.apis.first();
        m_runtime->setTarget(api.id, api.stages.isEmpty() ? QStringLiteral("dev") : api.stages.first().name);
        m_navigator->select(ItemRef{ItemRef::Kind::Api, api.id, {}, {}, {}});
    }
    updateStages();
    m_runtime->push();
    offerRecovery();
}

const gw::model::Project &MainWindow::project() const
{
    return m_document->project();
}

void MainWindow::offerRecovery()
{
    if (!m_document->hasRecovery())
        return;
    const QFileInfo info(m_document->recoveryFile());
    showNotice(tr("%1 has unsaved changes from %2 that were not saved (the app did not close cleanly).")
                   .arg(m_document->displayName(), QLocale().toString(info.lastModified(), QLocale::ShortFormat)),
               true);
}

void MainWindow::showNotice(const QString &text, bool offerRecovery)
{
    m_noticeText->setText(text);
    m_recoverButton->setVisible(offerRecovery);
    m_notice->show();
}

QString MainWindow::noticeText() const
{
    return m_notice->isVisible() ? m_noticeText->text() : QString();
}

void MainWindow::onItemSelected(const ItemRef &ref)
{
    m_editors->showItem(ref);
    m_tabs->setCurrentWidget(m_editors);
    if (!ref.apiId.isEmpty() && ref.apiId != m_runtime->targetApi()) {
        const auto *api = project().api(ref.apiId);
        m_runtime->setTarget(ref.apiId, api && !api->stages.isEmpty() ? api->stages.first().name : QStringLiteral("dev"));
        updateStages();
    }
    if (ref.kind == ItemRef::Kind::Stage) {
        m_runtime->setTarget(ref.apiId, ref.name);
        updateStages();
    }
}

void MainWindow::updateStages()
{
    const QString target = m_runtime->targetStage();
    const QSignalBlocker block(m_stage);
    m_stage->clear();
    if (const auto *api = project().api(m_runtime->targetApi()))
        for (const auto &s : api->stages)
            m_stage->addItem(s.name);
    if (m_stage->findText(target) < 0)
        m_stage->addItem(target);
    m_stage->setCurrentText(target);
    updateStatus();
}

void MainWindow::deployInteractive()
{
    if (!project().api(m_runtime->targetApi())) {
        statusBar()->showMessage(tr("Select an API to deploy"), 5000);
        return;
    }
    bool ok = false;
    const QString description = QInputDialog::getText(
        this, tr("Deploy"), tr("Deploy %1 to stage %2.\nDescription (optional):").arg(m_runtime->targetApi(), m_runtime->targetStage()),
        QLineEdit::Normal, QString(), &ok);
    if (ok)
        deploy(description);
}

void MainWindow::deploy(const QString &description)
{
    if (!project().api(m_runtime->targetApi())) {
        statusBar()->showMessage(tr("Select an API to deploy"), 5000);
        return;
    }
    gw::model::Diagnostics refused;
    const QString id = m_runtime->deploy(description, &refused);
    if (id.isEmpty()) {
        QStringList lines;
        for (const auto &d : refused)
            lines << d.toString();
        showNotice(tr("Not deployed: the API has %n error(s).\n%1", nullptr, int(refused.size())).arg(lines.join(QLatin1Char('\n'))), false);
        return;
    }
    statusBar()->showMessage(tr("Deployed %1 to stage %2").arg(id, m_runtime->targetStage()), 8000);
}

bool MainWindow::openFile(const QString &fileName)
{
    gw::model::Project loaded;
    QString error;
    ProjectDocument probe;   // reads without touching the open document
    if (!probe.open(fileName, &error)) {
        showNotice(tr("Could not open %1. Nothing was changed.\n%2").arg(fileName, error), false);
        return false;
    }
    setProject(probe.project(), fileName);
    return true;
}

void MainWindow::openProject()
{
    const QString file = QFileDialog::getOpenFileName(this, tr("Open project"), QFileInfo(m_document->fileName()).absolutePath(),
                                                      tr("Gatewright projects (*.gwproj);;All files (*)"));
    if (!file.isEmpty())
        openFile(file);
}

void MainWindow::newProject()
{
    gw::model::Project project;
    project.name = tr("Untitled");
    project.apis.append(gw::model::newRestApi(tr("My API")));
    m_document->discardRecovery();
    setProject(project, {});
}

bool MainWindow::save()
{
    if (m_document->fileName().isEmpty())
        return saveAs();
    QString error;
    if (!m_document->save(&error)) {
        showNotice(tr("Could not save: %1. The project is still open; nothing was lost.").arg(error), false);
        return false;
    }
    statusBar()->showMessage(tr("Saved %1").arg(m_document->fileName()), 5000);
    return true;
}

bool MainWindow::saveAs()
{
    QString file = QFileDialog::getSaveFileName(this, tr("Save project as"), m_document->fileName(), tr("Gatewright projects (*.gwproj)"));
    if (file.isEmpty())
        return false;
    if (QFileInfo(file).suffix().isEmpty())
        file += QStringLiteral(".gwproj");
    QString error;
    if (!m_document->saveAs(file, &error)) {
        showNotice(tr("Could not save: %1. The project is still open; nothing was lost.").arg(error), false);
        return false;
    }
    addRecent(m_document->fileName());
    return true;
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_document->isModified()) {
        const auto answer = QMessageBox::question(this, tr("Unsaved changes"),
                                                  tr("Save the changes to %1 before closing?").arg(m_document->displayName()),
                                                  QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
        if (answer == QMessageBox::Cancel || (answer == QMessageBox::Save && !save())) {
            event->ignore();
            return;
        }
    }
    m_document->discardRecovery();   // a clean close: nothing to recover next time
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    event->accept();
}

QStringList MainWindow::recentFiles() const
{
    return QSettings().value(QStringLiteral("recentFiles")).toStringList();
}

void MainWindow::addRecent(const QString &fileName)
{
    QStringList files = recentFiles();
    files.removeAll(fileName);
    files.prepend(fileName);
    while (files.size() > kMaxRecent)
        files.removeLast();
    QSettings().setValue(QStringLiteral("recentFiles"), files);
    rebuildRecentMenu();
}

void MainWindow::rebuildRecentMenu()
{
    m_recentMenu->clear();
    for (const QString &file : recentFiles())
        m_recentMenu->addAction(file, this, [this, file]() { openFile(file); });
    m_recentMenu->setEnabled(!m_recentMenu->isEmpty());
}

void MainWindow::jumpTo()
{
    m_quickJump->open(project());
}

void MainWindow::showDashboard()
{
    m_tabs->setCurrentWidget(m_dashboard);
}

void MainWindow::exportLog(bool har)
{
    // The selected rows, or the whole log when nothing is selected.
    QList<gw::runtime::RequestRecord> records;
    RequestLogModel *log = m_logPanel->model();
    const QModelIndexList rows = m_logPanel->view()->selectionModel()->selectedRows();
    if (rows.isEmpty()) {
        for (int row = 0; row < log->rowCount(); ++row)
            records.append(*log->record(row));
    } else {
        for (const QModelIndex &index : rows)
            if (const auto *r = log->record(m_logPanel->filterModel()->mapToSource(index).row()))
                records.append(*r);
    }
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

void MainWindow::importOpenApi(const QString &fileName, gw::model::ApiType type)
{
    if (m_importer->isRunning())
        return;
    m_importProgress->show();
    statusBar()->showMessage(tr("Importing %1…").arg(QFileInfo(fileName).fileName()));
    m_importer->start(fileName, type);
}

void MainWindow::onImportFinished(bool ok, const QString &apiId, const QStringList &diagnostics)
{
    m_importProgress->hide();
    statusBar()->clearMessage();
    if (!ok) {
        showNotice(tr("Could not import the OpenAPI file; nothing was changed.\n%1").arg(diagnostics.mid(0, 8).join(QLatin1Char('\n'))), false);
        emit importFinished(false);
        return;
    }
    m_navigator->select(ItemRef{ItemRef::Kind::Api, apiId, {}, {}, {}});
    statusBar()->showMessage(tr("Imported %1 with %n warning(s)", nullptr, int(diagnostics.size())).arg(apiId), 8000);
    if (!diagnostics.isEmpty()) {
        // Non-modal: the user reads the warnings beside the imported API.
        auto *report = new QDialog(this);
        report->setObjectName(QStringLiteral("importReport"));
        report->setAttribute(Qt::WA_DeleteOnClose);
        report->setWindowTitle(tr("Imported %1: %n warning(s)", nullptr, int(diagnostics.size())).arg(apiId));
        auto *text = new QPlainTextEdit(diagnostics.join(QLatin1Char('\n')), report);
        text->setObjectName(QStringLiteral("importWarnings"));
        text->setReadOnly(true);
        text->setLineWrapMode(QPlainTextEdit::NoWrap);
        auto *layout = new QVBoxLayout(report);
        layout->addWidget(new QLabel(tr("What API Gateway's model cannot hold was left out; each line says where."), report));
        layout->addWidget(text);
        report->resize(720, 360);
        report->show();
    }
    emit importFinished(true);
}

void MainWindow::selectLogRow(int row)
{
    m_logPanel->selectRow(row);
}

RequestLogModel *MainWindow::logModel() const
{
    return m_logPanel->model();
}

QString MainWindow::stageUrl() const
{
    if (!project().api(m_runtime->targetApi()))
        return gw::runtime::baseUrl(m_engine->host(), m_engine->port()) + QLatin1Char('/');
    return gw::runtime::stageUrl(m_runtime->targetApi(), m_runtime->targetStage(), m_engine->port());
}

void MainWindow::updateTitle()
{
    // "[*]" lets the platform show the dirty marker its own way (an asterisk, or a dot on macOS).
    setWindowTitle(QStringLiteral("%1[*] — Gatewright").arg(m_document->displayName()));
    setWindowModified(m_document->isModified());
}

void MainWindow::updateStatus()
{
    m_url->setText(stageUrl());
    if (m_run && m_run->isChecked() != m_engine->isRunning()) {
        const QSignalBlocker block(m_run);
        m_run->setChecked(m_engine->isRunning());
    }
    if (!m_engine->isRunning()) {
        if (!m_statusLabel->text().startsWith(QStringLiteral("○ not serving:")))
            m_statusLabel->setText(tr("○ stopped"));
        return;
    }
    QString text = tr("● serving %1 · %2 requests").arg(stageUrl()).arg(m_requests);
    // Never lose a line silently: say so when the access-log writer has fallen behind.
    if (const quint64 dropped = m_engine->accessLogs()->droppedLines())
        text += tr(" · %1 access-log lines dropped").arg(dropped);
    if (const quint64 dropped = m_engine->droppedRecords())
        text += tr(" · %1 live-log rows dropped").arg(dropped);
    m_statusLabel->setText(text);
}

} // namespace gw::ui
