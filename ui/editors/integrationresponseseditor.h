#pragma once

#include "itemeditor.h"

class QTableWidget;

namespace gw::ui {

class KeyValueTable;
class TemplateMapEditor;

// Integration responses: one row per selection pattern (the status code for HTTP, the error
// message for Lambda; empty is the default), with the selected row's header mappings and
// response templates below.
class IntegrationResponsesEditor : public ItemEditor
{
    Q_OBJECT
public:
    explicit IntegrationResponsesEditor(ProjectDocument *document, QWidget *parent = nullptr);
    QTableWidget *table() const { return m_table; }
    TemplateMapEditor *templates() const { return m_templates; }

protected:
    void load() override;

private:
    void changeResponses(const QString &text, const QString &field,
                         const std::function<void(QList<gw::model::IntegrationResponse> &)> &f);
    void tableEdited();
    int currentRow() const;

    QTableWidget *m_table;
    KeyValueTable *m_headers;
    TemplateMapEditor *m_templates;
    bool m_filling = false;
};

} // namespace gw::ui
