#pragma once

#include "quotaview.h"

#include "ui/document/itemref.h"

#include <QStackedWidget>

class QLabel;

namespace gw::ui {

class ApiEditor;
class ApiKeyEditor;
class AuthorizerEditor;
class FunctionEditor;
class ItemEditor;
class MethodEditor;
class ModelEditor;
class ProjectDocument;
class ProjectEditor;
class ResourceEditor;
class StageEditor;
class UsagePlanEditor;
class ValidatorEditor;

// The centre of the window: the form for whatever the navigator selects, one editor per kind
// of item, reused as the selection moves. Thread contract: GUI thread.
class EditorArea : public QStackedWidget
{
    Q_OBJECT
public:
    explicit EditorArea(ProjectDocument *document, QWidget *parent = nullptr);
    void showItem(const ItemRef &ref);
    ItemEditor *currentEditor() const;
    ResourceEditor *resourceEditor() const { return m_resource; }
    MethodEditor *methodEditor() const { return m_method; }
    StageEditor *stageEditor() const { return m_stage; }
    FunctionEditor *functionEditor() const { return m_function; }
    ApiEditor *apiEditor() const { return m_api; }
    AuthorizerEditor *authorizerEditor() const { return m_authorizer; }
    ModelEditor *modelEditor() const { return m_model; }
    ValidatorEditor *validatorEditor() const { return m_validator; }
    ApiKeyEditor *apiKeyEditor() const { return m_apiKey; }
    UsagePlanEditor *usagePlanEditor() const { return m_usagePlan; }
    // Where the usage-plan editor reads the quota used (the configuration the engine serves).
    void setServedConfig(QuotaView::ConfigSource source);
    // Editors for capabilities that live outside this file (functions, authorizers ...).
    void addEditor(ItemRef::Kind kind, ItemEditor *editor);

signals:
    // An editor wants another item shown (a new resource, a method opened from a list); the
    // navigator selects it, which comes back here through showItem.
    void openItem(const gw::ui::ItemRef &ref);

private:
    QLabel *m_placeholder;
    ProjectEditor *m_project;
    ApiEditor *m_api;
    ResourceEditor *m_resource;
    MethodEditor *m_method;
    StageEditor *m_stage;
    FunctionEditor *m_function;
    AuthorizerEditor *m_authorizer;
    ModelEditor *m_model;
    ValidatorEditor *m_validator;
    ApiKeyEditor *m_apiKey;
    UsagePlanEditor *m_usagePlan;
    QHash<int, ItemEditor *> m_byKind;
};

} // namespace gw::ui
