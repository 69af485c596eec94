#pragma once

#include "itemeditor.h"

class QComboBox;
class QLineEdit;
class QListWidget;
class QPushButton;
class QSpinBox;
class QToolButton;

namespace gw::ui {

class KeyValueTable;
class TemplateMapEditor;

// The method's integration request: type, endpoint method and URI (with a helper that inserts
// the resource's {params} and ${stageVariables.x}), timeout, parameter mappings, passthrough,
// content handling, the request templates, and which request parameters make up the stage
// cache's key.
class IntegrationEditor : public ItemEditor
{
    Q_OBJECT
public:
    explicit IntegrationEditor(ProjectDocument *document, QWidget *parent = nullptr);
    TemplateMapEditor *templates() const { return m_templates; }

protected:
    void load() override;

private:
    void changeIntegration(const QString &text, const QString &field, const std::function<void(gw::model::Integration &)> &f);
    void fillInsertMenu();
    void fillCacheKeys(const gw::model::Method &method);

    QPushButton *m_create;
    QWidget *m_form;
    QComboBox *m_type;
    QComboBox *m_httpMethod;
    QLineEdit *m_uri;
    QToolButton *m_insert;
    QSpinBox *m_timeout;
    QComboBox *m_passthrough;
    QComboBox *m_contentHandling;
    KeyValueTable *m_mappings;
    QListWidget *m_cacheKeys;
    TemplateMapEditor *m_templates;
};

} // namespace gw::ui
