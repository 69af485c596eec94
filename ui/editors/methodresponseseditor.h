#pragma once

#include "itemeditor.h"

class QTableWidget;

namespace gw::ui {

// Method responses: the status codes the method declares, the headers each may carry and the
// model of each content type ("application/json=Pet").
class MethodResponsesEditor : public ItemEditor
{
    Q_OBJECT
public:
    explicit MethodResponsesEditor(ProjectDocument *document, QWidget *parent = nullptr);
    QTableWidget *table() const { return m_table; }

protected:
    void load() override;

private:
    void tableEdited();

    QTableWidget *m_table;
    bool m_filling = false;
};

} // namespace gw::ui
