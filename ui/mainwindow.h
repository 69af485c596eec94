#pragma once

#include "document/itemref.h"

#include "gateway/model/project.h"

#include <QMainWindow>

class QCheckBox;
class QComboBox;
class QDockWidget;
class QLabel;
class QMenu;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QTableView;
class QTabWidget;

namespace gw::runtime {
class Engine;
}

namespace gw::ui {

class ClientPanel;
class DashboardPage;
class EditorArea;
class LiveLogPanel;
class NavigatorPanel;
class OpenApiImporter;
class ProjectDocument;
class QuickJump;
class RequestLogModel;
class RuntimeController;

// Composes the window (UX.md): navigator, editor area and dashboard, live log, client, toolbar
// and status bar, and the File/Edit/API menus. It holds no business logic: documents edit
// themselves, the runtime controller deploys, panels do their own work.
// Thread contract: GUI thread.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    MainWindow(gw::runtime::Engine *engine, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Shows `project` as the document (unmodified) and serves it.
    void setProject(const gw::model::Project &project, const QString &fileName);
    const gw::model::Project &project() const;
    ProjectDocument *document() const { return m_document; }
    RuntimeController *runtime() const { return m_runtime; }
    NavigatorPanel *navigator() const { return m_navigator; }
    EditorArea *editors() const { return m_editors; }
    RequestLogModel *logModel() const;
    LiveLogPanel *logPanel() const { return m_logPanel; }
    ClientPanel *client() const { return m_client; }
    QuickJump *quickJump() const { return m_quickJump; }
    DashboardPage *dashboard() const { return m_dashboard; }
    void selectLogRow(int row);
    void showDashboard();
    QString noticeText() const;
    QStringList recentFiles() const;

public slots:
    // Records a deployment of the selected API to the chosen stage; F5 asks for the description.
    void deploy(const QString &description = {});
    void deployInteractive();
    bool openFile(const QString &fileName);
    void openProject();
    void newProject();
    bool save();
    bool saveAs();
    void exportLog(bool har);
    void jumpTo();
    // File → Import OpenAPI without the import dialog: runs off the GUI thread, then adds the API
    // (a REST API unless `type` says HTTP) as one undo step (or, for a file with errors, changes
    // nothing and says why).
    void importOpenApi(const QString &fileName, gw::model::ApiType type = gw::model::ApiType::Rest);

signals:
    void importFinished(bool ok);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildMenus();
    void buildToolbar();
    void updateStatus();
    void updateTitle();
    void updateStages();
    void onItemSelected(const ItemRef &ref);
    void showNotice(const QString &text, bool offerRecovery);
    void addRecent(const QString &fileName);
    void rebuildRecentMenu();
    void offerRecovery();
    void onImportFinished(bool ok, const QString &apiId, const QStringList &diagnostics);
    QString stageUrl() const;

    gw::runtime::Engine *m_engine;
    ProjectDocument *m_document;
    RuntimeController *m_runtime;
    NavigatorPanel *m_navigator;
    EditorArea *m_editors;
    LiveLogPanel *m_logPanel;
    QDockWidget *m_clientDock = nullptr;
    ClientPanel *m_client;
    QLabel *m_statusLabel;
    DashboardPage *m_dashboard;
    QTabWidget *m_tabs;
    QuickJump *m_quickJump;
    QComboBox *m_stage;
    QCheckBox *m_autoDeploy;
    QLabel *m_url;
    QAction *m_run = nullptr;
    QMenu *m_recentMenu = nullptr;
    QWidget *m_notice = nullptr;
    QLabel *m_noticeText = nullptr;
    QPushButton *m_recoverButton = nullptr;
    quint64 m_requests = 0;
    OpenApiImporter *m_importer = nullptr;
    QProgressBar *m_importProgress = nullptr;
};

} // namespace gw::ui
