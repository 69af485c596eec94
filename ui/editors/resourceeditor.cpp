#include "resourceeditor.h"

#include "corsdialog.h"
#include "formutil.h"

#include "ui/document/projectaccess.h"
#include "ui/document/projectdocument.h"

#include "gateway/model/resourceedit.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace gw::ui {

ResourceEditor::ResourceEditor(ProjectDocument *document, QWidget *parent)
    : ItemEditor(document, parent), m_fullPath(new QLabel(this)), m_part(new QLineEdit(this)), m_message(new QLabel(this)),
      m_methods(new QListWidget(this)), m_verb(new QComboBox(this)), m_childPart(new QLineEdit(this)),
      m_cors(new QPushButton(tr("Enable CORS…"), this))
{
    m_cors->setObjectName(QStringLiteral("enableCors"));
    m_part->setObjectName(QStringLiteral("pathPart"));
    m_part->setToolTip(tr("One path segment: a name, {param} for a path parameter, {proxy+} for a greedy one. "
                          "Press Enter to apply."));
    m_message->setObjectName(QStringLiteral("message"));
    m_message->setWordWrap(true);
    m_methods->setObjectName(QStringLiteral("methods"));
    m_verb->setObjectName(QStringLiteral("verb"));
    for (const char *v : {"GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "ANY"})
        m_verb->addItem(QString::fromLatin1(v));
    m_childPart->setObjectName(QStringLiteral("childPart"));
    m_childPart->setPlaceholderText(tr("child path part, e.g. items or {id}"));
    auto *addMethod = new QPushButton(tr("Add method"), this);
    addMethod->setObjectName(QStringLiteral("addMethod"));
    auto *addChild = new QPushButton(tr("Add child resource"), this);
    addChild->setObjectName(QStringLiteral("addChild"));
    auto *remove = new QPushButton(tr("Delete resource"), this);
    remove->setObjectName(QStringLiteral("deleteResource"));

    auto *form = new QFormLayout;
    form->addRow(tr("Path"), m_fullPath);
    form->addRow(tr("Path part"), m_part);
    auto *methodRow = new QHBoxLayout;
    methodRow->addWidget(m_verb);
    methodRow->addWidget(addMethod);
    methodRow->addStretch();
    auto *childRow = new QHBoxLayout;
    childRow->addWidget(m_childPart);
    childRow->addWidget(addChild);
    body()->addLayout(form);
    body()->addWidget(m_message);
    body()->addWidget(new QLabel(tr("Methods (double-click to open)"), this));
    body()->addWidget(m_methods);
    body()->addLayout(methodRow);
    body()->addLayout(childRow);
    auto *actions = new QHBoxLayout;
    actions->addWidget(m_cors);
    actions->addWidget(remove);
    actions->addStretch();
    body()->addLayout(actions);

    connect(m_part, &QLineEdit::returnPressed, this, &ResourceEditor::rename);
    connect(m_part, &QLineEdit::editingFinished, this, &ResourceEditor::rename);
    connect(addMethod, &QPushButton::clicked, this, &ResourceEditor::addMethod);
    connect(addChild, &QPushButton::clicked, this, &ResourceEditor::addChild);
    connect(m_childPart, &QLineEdit::returnPressed, this, &ResourceEditor::addChild);
    connect(remove, &QPushButton::clicked, this, &ResourceEditor::deleteResource);
    connect(m_cors, &QPushButton::clicked, this, &ResourceEditor::openCorsDialog);
    connect(m_methods, &QListWidget::itemActivated, this, [this](QListWidgetItem *i) {
        ItemRef ref = item();
        ref.kind = ItemRef::Kind::Method;
        ref.verb = i->data(Qt::UserRole).toString();
        emit openItem(ref);
    });
}

void ResourceEditor::load()
{
    const auto *r = findResource(project(), item());
    setEnabled(r != nullptr);
    if (!r)
        return;
    m_fullPath->setText(r->path);
    const auto *api = findApi(project(), item());
    m_cors->setVisible(api && api->type == gw::model::ApiType::Rest);
    if (!m_part->hasFocus())
        form::setText(m_part, r->pathPart());
    m_part->setEnabled(r->path != QLatin1String("/"));
    m_methods->clear();
    for (auto m = r->methods.begin(); m != r->methods.end(); ++m) {
        auto *i = new QListWidgetItem(QStringLiteral("%1 — %2").arg(m.key(), m->integration ? gw::model::toString(m->integration->type)
                                                                                          : tr("no integration")));
        i->setData(Qt::UserRole, m.key());
        m_methods->addItem(i);
    }
}

void ResourceEditor::rename()
{
    const auto *r = findResource(project(), item());
    if (!r || r->path == QLatin1String("/") || m_part->text().trimmed() == r->pathPart())
        return;
    gw::model::ApiDefinition probe = findApi(project(), item())->design;
    QString newPath;
    const QString problem = gw::model::renameResource(probe, r->path, m_part->text(), &newPath);
    m_message->setText(problem);
    if (!problem.isEmpty())
        return;
    const ItemRef ref = item();
    const QString part = m_part->text();
    edit(tr("Rename %1").arg(r->path), [ref, part](gw::model::Project &p) {
        if (auto *api = findApi(p, ref))
            gw::model::renameResource(api->design, ref.path, part);
    });
    ItemRef moved = ref;
    moved.path = newPath;
    retarget(moved);
    load();
}

void ResourceEditor::addChild()
{
    const auto *api = findApi(project(), item());
    if (!api)
        return;
    gw::model::ApiDefinition probe = api->design;
    QString created;
    const QString problem = gw::model::addResource(probe, item().path, m_childPart->text(), &created);
    m_message->setText(problem);
    if (!problem.isEmpty())
        return;
    const ItemRef ref = item();
    const QString part = m_childPart->text();
    edit(tr("Add resource %1").arg(created), [ref, part](gw::model::Project &p) {
        if (auto *a = findApi(p, ref))
            gw::model::addResource(a->design, ref.path, part);
    });
    m_childPart->clear();
    ItemRef child = ref;
    child.path = created;
    emit openItem(child);
}

void ResourceEditor::addMethod()
{
    const auto *api = findApi(project(), item());
    if (!api)
        return;
    gw::model::ApiDefinition probe = api->design;
    const QString verb = m_verb->currentText();
    const QString problem = gw::model::addMethod(probe, item().path, verb);
    m_message->setText(problem);
    if (!problem.isEmpty())
        return;
    const ItemRef ref = item();
    edit(tr("Add %1 %2").arg(verb, ref.path), [ref, verb](gw::model::Project &p) {
        if (auto *a = findApi(p, ref))
            gw::model::addMethod(a->design, ref.path, verb);
    });
    ItemRef method = ref;
    method.kind = ItemRef::Kind::Method;
    method.verb = verb;
    emit openItem(method);
}

void ResourceEditor::deleteResource()
{
    const ItemRef ref = item();
    const auto *api = findApi(project(), ref);
    if (!api)
        return;
    gw::model::ApiDefinition probe = api->design;
    const QString problem = gw::model::deleteResource(probe, ref.path);
    m_message->setText(problem);
    if (!problem.isEmpty())
        return;
    edit(tr("Delete %1").arg(ref.path), [ref](gw::model::Project &p) {
        if (auto *a = findApi(p, ref))
            gw::model::deleteResource(a->design, ref.path);
    });
    ItemRef parent = ref;
    parent.path = ref.path.section(QLatin1Char('/'), 0, -2);
    if (parent.path.isEmpty())
        parent.path = QStringLiteral("/");
    emit openItem(parent);
}

CorsDialog *ResourceEditor::openCorsDialog()
{
    const auto *r = findResource(project(), item());
    if (!r)
        return nullptr;
    auto *dialog = new CorsDialog(CorsDialog::Mode::RestResource, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setRestDefaults(r->path, r->methods.keys());
    connect(dialog, &QDialog::accepted, this, [this, dialog]() { enableCors(dialog->restOptions()); });
    dialog->open();
    return dialog;
}

QString ResourceEditor::message() const
{
    return m_message->text();
}

void ResourceEditor::enableCors(const gw::model::CorsOptions &options)
{
    const ItemRef ref = item();
    const auto *api = findApi(project(), ref);
    if (!api)
        return;
    gw::model::Api probe = *api;
    const gw::model::CorsResult result = gw::model::enableCors(probe, ref.path, options);
    if (!result.ok()) {
        m_message->setText(result.error);
        return;
    }
    edit(tr("Enable CORS on %1").arg(ref.path), [ref, options](gw::model::Project &p) {
        if (auto *a = findApi(p, ref))
            gw::model::enableCors(*a, ref.path, options);
    });
    m_message->setText((result.changed + result.notes).join(QLatin1Char('\n')));
}

} // namespace gw::ui
