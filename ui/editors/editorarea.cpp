#include "editorarea.h"

#include "apieditor.h"
#include "apikeyeditor.h"
#include "authorizereditor.h"
#include "functioneditor.h"
#include "methodeditor.h"
#include "modeleditor.h"
#include "projecteditor.h"
#include "resourceeditor.h"
#include "stageeditor.h"
#include "usageplaneditor.h"
#include "validatoreditor.h"

#include <QLabel>

namespace gw::ui {

EditorArea::EditorArea(ProjectDocument *document, QWidget *parent)
    : QStackedWidget(parent), m_placeholder(new QLabel(this)), m_project(new ProjectEditor(document, this)),
      m_api(new ApiEditor(document, this)), m_resource(new ResourceEditor(document, this)), m_method(new MethodEditor(document, this)),
      m_stage(new StageEditor(document, this)), m_function(new FunctionEditor(document, this)),
      m_authorizer(new AuthorizerEditor(document, this)), m_model(new ModelEditor(document, this)), m_validator(new ValidatorEditor(document, this)),
      m_apiKey(new ApiKeyEditor(document, this)), m_usagePlan(new UsagePlanEditor(document, this))
{
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_placeholder->setText(tr("Select an API, resource, method or stage in the navigator to edit it.\n\n"
                              "Right-click a resource to add a child or a method; F5 deploys; Ctrl+K jumps to any method."));
    addWidget(m_placeholder);
    addEditor(ItemRef::Kind::Project, m_project);
    addEditor(ItemRef::Kind::Api, m_api);
    addEditor(ItemRef::Kind::Resource, m_resource);
    addEditor(ItemRef::Kind::Method, m_method);
    addEditor(ItemRef::Kind::Stage, m_stage);
    addEditor(ItemRef::Kind::Function, m_function);
    addEditor(ItemRef::Kind::Authorizer, m_authorizer);
    addEditor(ItemRef::Kind::Model, m_model);
    addEditor(ItemRef::Kind::Validator, m_validator);
    addEditor(ItemRef::Kind::ApiKey, m_apiKey);
    addEditor(ItemRef::Kind::UsagePlan, m_usagePlan);
    connect(m_resource, &ResourceEditor::openItem, this, &EditorArea::openItem);
    connect(m_method, &MethodEditor::openItem, this, &EditorArea::openItem);
}

void EditorArea::addEditor(ItemRef::Kind kind, ItemEditor *editor)
{
    m_byKind.insert(int(kind), editor);
    addWidget(editor);
    connect(editor, &ItemEditor::itemMoved, this, &EditorArea::openItem);
}

void EditorArea::setServedConfig(QuotaView::ConfigSource source)
{
    m_usagePlan->setConfigSource(std::move(source));
}

void EditorArea::showItem(const ItemRef &ref)
{
    ItemEditor *editor = m_byKind.value(int(ref.kind));
    if (!editor) {
        setCurrentWidget(m_placeholder);
        return;
    }
    editor->setItem(ref);
    setCurrentWidget(editor);
}

ItemEditor *EditorArea::currentEditor() const
{
    return qobject_cast<ItemEditor *>(currentWidget());
}

} // namespace gw::ui
