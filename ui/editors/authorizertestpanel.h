#pragma once

#include "gateway/model/project.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace gw::runtime {
class AuthorizerProbe;
}

namespace gw::ui {

// "Test authorizer": a token (TOKEN, Cognito, JWT) or headers and query string (REQUEST), the
// method and path it is for, Test — and what the authorizer decided: the principal, the policy
// it returned (pretty JSON), its context or the token's claims, or 401/403/500 and why, with the
// authorizer's trace lines. Runs the authorizer as the editor shows it through the engine's own
// pipeline on the probe's thread (AuthorizerProbe); the GUI never waits.
// Thread contract: GUI thread.
class AuthorizerTestPanel : public QWidget
{
    Q_OBJECT
public:
    explicit AuthorizerTestPanel(QWidget *parent = nullptr);
    ~AuthorizerTestPanel() override;

    void setAuthorizer(const gw::model::Project &project, const QString &apiId, const gw::model::Authorizer &authorizer);
    void setProjectDir(const QString &dir) { m_projectDir = dir; }
    QString outputText() const;
    bool isRunning() const { return m_running; }

public slots:
    void run();

signals:
    void finished(int status);

private:
    gw::model::Project m_project;
    QString m_apiId;
    gw::model::Authorizer m_authorizer;
    QString m_projectDir;
    gw::runtime::AuthorizerProbe *m_probe;
    QLineEdit *m_token;
    QPlainTextEdit *m_headers;
    QLineEdit *m_query;
    QComboBox *m_method;
    QLineEdit *m_path;
    QLineEdit *m_stage;
    QLineEdit *m_scopes;
    QPushButton *m_run;
    QLabel *m_summary;
    QPlainTextEdit *m_output;
    bool m_running = false;
};

} // namespace gw::ui
