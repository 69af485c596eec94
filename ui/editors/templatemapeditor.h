#pragma once

#include "gateway/model/api.h"

#include <QWidget>

class QComboBox;
class QsciScintilla;

namespace gw::ui {
class TemplatePreview;
}

namespace gw::ui {

// Mapping templates by content type: pick or add a content type, edit its template with
// Velocity highlighting and a live preview against a sample request (the error's line is
// marked in the editor). Emits `edited` with the whole map after each change of the user's.
// Thread contract: GUI thread.
class TemplateMapEditor : public QWidget
{
    Q_OBJECT
public:
    explicit TemplateMapEditor(QWidget *parent = nullptr);
    void setTemplates(const gw::model::TemplateMap &templates);
    gw::model::TemplateMap templates() const { return m_templates; }
    QString currentContentType() const;
    void selectContentType(const QString &contentType);
    QsciScintilla *textEditor() const { return m_text; }
    TemplatePreview *preview() const { return m_preview; }
    // Adds a content type (for tests and the Add button); selects it.
    void addContentType(const QString &contentType);

signals:
    void edited(const gw::model::TemplateMap &templates);
    void currentTemplateChanged(const QString &contentType, const QString &text);

private:
    void showCurrent();

    QComboBox *m_contentType;
    QsciScintilla *m_text;
    TemplatePreview *m_preview;
    gw::model::TemplateMap m_templates;
    bool m_loading = false;
};

} // namespace gw::ui
