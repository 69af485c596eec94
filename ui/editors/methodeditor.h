#pragma once

#include "itemeditor.h"

class QButtonGroup;
class QComboBox;
class QLabel;
class QStackedWidget;
class QToolButton;

namespace gw::ui {

class IntegrationEditor;
class IntegrationResponsesEditor;
class MethodRequestEditor;
class MethodResponsesEditor;

// A method as the AWS console's execution picture: Method request → Integration request →
// Integration response → Method response, each box with a one-line summary, opening its form
// below. Also duplicates the method to another verb or deletes it.
class MethodEditor : public ItemEditor
{
    Q_OBJECT
public:
    enum Box { MethodRequestBox, IntegrationRequestBox, IntegrationResponseBox, MethodResponseBox };
    explicit MethodEditor(ProjectDocument *document, QWidget *parent = nullptr);
    void showBox(Box box);
    QString boxSummary(Box box) const;
    IntegrationEditor *integrationEditor() const { return m_integration; }
    IntegrationResponsesEditor *integrationResponsesEditor() const { return m_integrationResponses; }

signals:
    void openItem(const gw::ui::ItemRef &ref);

protected:
    void load() override;

private:
    QLabel *m_title;
    QToolButton *m_boxes[4];
    QButtonGroup *m_group;
    QStackedWidget *m_pages;
    MethodRequestEditor *m_request;
    IntegrationEditor *m_integration;
    IntegrationResponsesEditor *m_integrationResponses;
    MethodResponsesEditor *m_responses;
    QComboBox *m_duplicateVerb;
};

} // namespace gw::ui
