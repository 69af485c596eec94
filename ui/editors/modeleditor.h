#pragma once

#include "itemeditor.h"

#include <QJsonObject>
#include <QTimer>

class QLabel;
class QLineEdit;
class QsciScintilla;

namespace gw::ui {

// A model of an API: name, content type, description and its JSON Schema (draft 4), checked as
// it is typed (150 ms after the last key): JSON syntax errors with line and column, then the
// schema as a deployment compiles it ($ref to the API's other models resolves), the offending
// line marked in the margin. Text that is a JSON object is stored (one undo step per burst of
// typing); text that is not stays in the editor, unsaved, until it is.
class ModelEditor : public ItemEditor
{
    Q_OBJECT
public:
    explicit ModelEditor(ProjectDocument *document, QWidget *parent = nullptr);
    QsciScintilla *schemaEditor() const { return m_schema; }
    QString schemaError() const;
    int markedLine() const; // 1-based; 0 when no line is marked

signals:
    void schemaChecked(bool ok);

protected:
    void load() override;

private:
    void checkSchema();
    void rename();

    QLineEdit *m_name;
    QLineEdit *m_contentType;
    QLineEdit *m_description;
    QsciScintilla *m_schema;
    QLabel *m_error;
    QTimer m_debounce;
    // The model's schema as last shown or stored from the text, and whose: while the model still
    // holds it, the text (maybe a draft that is not JSON yet) is the user's and stays.
    QJsonObject m_shownSchema;
    QString m_shownKey;
    bool m_settingText = false;
};

} // namespace gw::ui
