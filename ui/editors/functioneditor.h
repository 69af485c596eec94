#pragma once

#include "itemeditor.h"

class QComboBox;
class QLineEdit;
class QSpinBox;
class QsciScintilla;

namespace gw::ui {

class FunctionTestPanel;
class KeyValueTable;

// A project function: name, runtime (JavaScript run by the engine, or a Lambda runtime endpoint),
// the code with JavaScript highlighting, timeout, memory, environment; and beside it a panel
// that runs the function on a test event as it stands in the editor.
class FunctionEditor : public ItemEditor
{
    Q_OBJECT
public:
    explicit FunctionEditor(ProjectDocument *document, QWidget *parent = nullptr);
    QsciScintilla *codeEditor() const { return m_code; }
    FunctionTestPanel *testPanel() const { return m_test; }

protected:
    void load() override;

private:
    void change(const QString &text, const QString &field, const std::function<void(gw::model::Function &)> &f);
    void rename();

    QLineEdit *m_name;
    QComboBox *m_runtime;
    QLineEdit *m_endpoint;
    QSpinBox *m_timeout;
    QSpinBox *m_memory;
    QsciScintilla *m_code;
    KeyValueTable *m_environment;
    FunctionTestPanel *m_test;
    bool m_settingCode = false;
};

} // namespace gw::ui
