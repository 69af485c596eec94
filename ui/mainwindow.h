#pragma once

#include "gateway/model/project.h"

#include <QMainWindow>

class QLabel;
class QPlainTextEdit;
class QTableView;
class QTreeView;

namespace gw::runtime {
class Engine;
}

namespace gw::ui {

class ClientPanel;
class DashboardPage;
class ProjectTreeModel;
class RequestLogModel;

// Composes the window: navigator, live log with the selected request's trace, client, status
// bar. The document and the engine are passed in; this class only wires them to widgets.
// Thread contract: GUI thread.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    MainWindow(gw::runtime::Engine *engine, QWidget *parent = nullptr);

    void setProject(const gw::model::Project &project, const QString &fileName);
    const gw::model::Project &project() const { return m_project; }
    RequestLogModel *logModel() const { return m_log; }
    ClientPanel *client() const { return m_client; }
    void selectLogRow(int row);
    DashboardPage *dashboard() const { return m_dashboard; }
    void showDashboard();

public slots:
    void deploy();   // compile the current document and hand it to the engine (F5)
    void openProject();
    void exportLog(bool har);

private:
    void showRecord(int row);
    void updateStatus();
    QString firstStageUrl() const;

    gw::runtime::Engine *m_engine;
    gw::model::Project m_project;
    QString m_fileName;
    ProjectTreeModel *m_tree;
    RequestLogModel *m_log;
    QTreeView *m_navigator;
    QTableView *m_logView;
    QPlainTextEdit *m_details;
    ClientPanel *m_client;
    QLabel *m_statusLabel;
    DashboardPage *m_dashboard;
    class QTabWidget *m_tabs;
    quint64 m_requests = 0;
};

} // namespace gw::ui
