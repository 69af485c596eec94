#pragma once

#include "gateway/model/project.h"

#include <QWidget>

#include <memory>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace gw::functions {
class FunctionRuntime;
}
namespace gw::pipeline {
class UpstreamTransport;
}

namespace gw::ui {

// "Test with an event": an event (typed, or one of the samples API Gateway sends), Run, and what
// came back — result or error, the function's log lines and the duration. Runs the function as
// the editor shows it (saved or not) on the engine's own function runtime, asynchronously: the
// JavaScript runs on its own thread with its time limit, the GUI never waits.
// Thread contract: GUI thread.
class FunctionTestPanel : public QWidget
{
    Q_OBJECT
public:
    explicit FunctionTestPanel(QWidget *parent = nullptr);
    ~FunctionTestPanel() override;

    void setFunction(const gw::model::Function &function) { m_function = function; }
    void setEvent(const QString &json);
    QString outputText() const;
    bool isRunning() const { return m_running; }
    static QStringList sampleNames();
    static QString sampleEvent(const QString &name);

public slots:
    void run();

signals:
    void finished(bool ok);

private:
    gw::model::Function m_function;
    std::unique_ptr<gw::pipeline::UpstreamTransport> m_transport;
    std::unique_ptr<gw::functions::FunctionRuntime> m_runtime;
    QComboBox *m_samples;
    QPlainTextEdit *m_event;
    QPushButton *m_run;
    QLabel *m_summary;
    QPlainTextEdit *m_output;
    bool m_running = false;
};

} // namespace gw::ui
