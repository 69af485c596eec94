#pragma once

#include <QTimer>
#include <QWidget>

class QLabel;
class QPlainTextEdit;

namespace gw::ui {

// Live preview of a mapping template: a sample request (JSON in `gatewright-cli render`'s
// format) and the rendered output, or the error with its line:column. Re-renders shortly after
// the template or the sample changes. Rendering runs on the GUI thread with tight limits, so a
// runaway template stops with an error instead of freezing the window.
// Thread contract: GUI thread.
class TemplatePreview : public QWidget
{
    Q_OBJECT
public:
    explicit TemplatePreview(QWidget *parent = nullptr);

    void setTemplate(const QString &text);
    void setSampleRequest(const QString &json);
    QString sampleRequest() const;
    QString output() const;
    QString error() const { return m_error; }
    int errorLine() const { return m_errorLine; } // 1-based; 0 when the template renders
    // Renders at once (the debounce timer calls it too).
    void renderNow();

signals:
    void rendered();
    void errorLineChanged(int line);

private:
    void schedule() { m_debounce.start(); }
    void showError(const QString &message, int line);

    QPlainTextEdit *m_sample;
    QPlainTextEdit *m_output;
    QLabel *m_status;
    QTimer m_debounce;
    QString m_template;
    QString m_error;
    int m_errorLine = 0;
};

} // namespace gw::ui
