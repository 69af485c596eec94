#include "navigatorpanel.h"

#include "document/accessedits.h"
#include "document/designproblems.h"

#include "document/projectaccess.h"
#include "document/projectdocument.h"
#include "models/projecttreemodel.h"

#include "gateway/core/ids.h"
#include "gateway/model/check.h"
#include "gateway/model/deployments.h"
#include "gateway/model/resourceedit.h"

#include <QAction>
#include <QMenu>
#include <QSet>
#include <QTreeView>
#include <QVBoxLayout>

namespace gw::ui {

namespace {

const char *const kVerbs[] = {"GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "ANY"};

// A free name like "resource", "resource2" among the existing ones.
QString freeName(const QString &base, const std::function<bool(const QString &)> &taken)
{
    QString name = base;
    for (int n = 2; taken(name); ++n)
        name = base + QString::number(n);
    return name;
}

} // namespace

NavigatorPanel::NavigatorPanel(ProjectDocument *document, QWidget *parent)
    : QWidget(parent), m_document(document), m_model(new ProjectTreeModel(this)), m_view(new QTreeView(this))
{
    m_view->setObjectName(QStringLiteral("navigator"));
    m_view->setModel(m_model);
    m_view->setHeaderHidden(true);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->setDragDropMode(QAbstractItemView::DragDrop);
    m_view->setDefaultDropAction(Qt::MoveAction);
    m_view->setDropIndicatorShown(true);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);

    connect(document, &ProjectDocument::changed, this, &NavigatorPanel::rebuild);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this, [this](const QModelIndex &index) {
        emit itemSelected(ProjectTreeModel::refAt(index));
    });
    connect(m_view, &QTreeView::customContextMenuRequested, this, [this](const QPoint &pos) {
        const ItemRef ref = ProjectTreeModel::refAt(m_view->indexAt(pos));
        QMenu menu;
        const auto actions = actionsFor(ref, &menu);
        if (actions.isEmpty())
            return;
        menu.addActions(actions);
        menu.exec(m_view->viewport()->mapToGlobal(pos));
    });
    connect(m_model, &ProjectTreeModel::moveRequested, this, [this](const QString &apiId, const QString &from, const QString &toParent) {
        gw::model::Project probe = m_document->project();
        auto *api = probe.api(apiId);
        QString newPath;
        if (!api || !gw::model::moveResource(api->design, from, toParent, &newPath).isEmpty())
            return;
        m_document->edit(tr("Move %1 to %2").arg(from, toParent), [probe](gw::model::Project &p) { p = probe; });
        select(ItemRef{ItemRef::Kind::Resource, apiId, newPath, {}, {}});
    });
    rebuild();
}

void NavigatorPanel::rebuild()
{
    QSet<QString> expanded;
    std::function<void(const QModelIndex &)> remember = [&](const QModelIndex &parent) {
        for (int r = 0; r < m_model->rowCount(parent); ++r) {
            const QModelIndex i = m_model->index(r, 0, parent);
            if (m_view->isExpanded(i))
                expanded.insert(ProjectTreeModel::refAt(i).key());
            remember(i);
        }
    };
    remember({});
    const bool first = m_model->rowCount() == 0;
    const ItemRef selected = current();
    {
        const QSignalBlocker block(m_view->selectionModel());
        m_model->setProject(m_document->project(), designProblems(m_document->project()));
    }
    std::function<void(const QModelIndex &, int)> restore = [&](const QModelIndex &parent, int depth) {
        for (int r = 0; r < m_model->rowCount(parent); ++r) {
            const QModelIndex i = m_model->index(r, 0, parent);
            const ItemRef ref = ProjectTreeModel::refAt(i);
            // A fresh tree opens the project, its APIs and their resources; later rebuilds keep
            // what the user opened or closed.
            if (expanded.contains(ref.key()) || (first && (depth < 2 || ref.kind == ItemRef::Kind::Resource)))
                m_view->expand(i);
            restore(i, depth + 1);
        }
    };
    restore({}, 0);
    if (selected.kind != ItemRef::Kind::None) {
        const QModelIndex i = m_model->indexOf(selected);
        const QSignalBlocker block(m_view->selectionModel());
        if (i.isValid())
            m_view->setCurrentIndex(i);
    }
}

void NavigatorPanel::select(const ItemRef &ref)
{
    const QModelIndex i = m_model->indexOf(ref);
    if (!i.isValid())
        return;
    for (QModelIndex p = i.parent(); p.isValid(); p = p.parent())
        m_view->expand(p);
    m_view->setCurrentIndex(i);
    m_view->scrollTo(i);
    emit itemSelected(ref); // also when it already was current: the editor shows it again
}

ItemRef NavigatorPanel::current() const
{
    return ProjectTreeModel::refAt(m_view->currentIndex());
}

QList<QAction *> NavigatorPanel::actionsFor(const ItemRef &ref, QObject *owner)
{
    using K = ItemRef::Kind;
    QList<QAction *> actions;
    auto add = [&](const QString &text, const QString &name, std::function<void()> f) {
        auto *a = new QAction(text, owner);
        a->setObjectName(name);
        connect(a, &QAction::triggered, this, f);
        actions << a;
    };
    switch (ref.kind) {
    case K::Project:
        add(tr("Add REST API"), QStringLiteral("addRestApi"), [this]() { addApi(false); });
        add(tr("Add HTTP API"), QStringLiteral("addHttpApi"), [this]() { addApi(true); });
        break;
    case K::Functions:
        add(tr("Add function"), QStringLiteral("addFunction"), [this]() { addFunction(); });
        break;
    case K::Api:
        add(tr("Add resource"), QStringLiteral("addResource"), [this, ref]() {
            addResourceUnder(ItemRef{K::Resource, ref.apiId, QStringLiteral("/"), {}, {}});
        });
        add(tr("Delete API"), QStringLiteral("delete"), [this, ref]() { deleteItem(ref); });
        break;
    case K::Resource:
        add(tr("Add child resource"), QStringLiteral("addResource"), [this, ref]() { addResourceUnder(ref); });
        for (const char *verb : kVerbs) {
            const QString v = QString::fromLatin1(verb);
            add(tr("Add %1 method").arg(v), QStringLiteral("add") + v, [this, ref, v]() { addMethod(ref, v); });
        }
        if (ref.path != QLatin1String("/"))
            add(tr("Delete resource"), QStringLiteral("delete"), [this, ref]() { deleteItem(ref); });
        break;
    case K::Method:
        for (const char *verb : kVerbs) {
            const QString v = QString::fromLatin1(verb);
            if (v == ref.verb)
                continue;
            add(tr("Duplicate as %1").arg(v), QStringLiteral("duplicate") + v, [this, ref, v]() {
                gw::model::Project probe = m_document->project();
                auto *api = probe.api(ref.apiId);
                if (!api || !gw::model::duplicateMethod(api->design, ref.path, ref.verb, v).isEmpty())
                    return;
                m_document->edit(tr("Duplicate %1 %2 as %3").arg(ref.verb, ref.path, v), [probe](gw::model::Project &p) { p = probe; });
                select(ItemRef{K::Method, ref.apiId, ref.path, v, {}});
            });
        }
        add(tr("Delete method"), QStringLiteral("delete"), [this, ref]() { deleteItem(ref); });
        break;
    case K::Stage:
    case K::Function:
        add(ref.kind == K::Stage ? tr("Delete stage") : tr("Delete function"), QStringLiteral("delete"), [this, ref]() { deleteItem(ref); });
        break;
    case K::Authorizers:
    case K::Models:
    case K::Validators:
    case K::ApiKeys:
    case K::UsagePlans:
        add(addActionText(ref.kind), QStringLiteral("addItem"), [this, ref]() {
            gw::model::Project p = m_document->project();
            const ItemRef added = addAccessItem(p, ref);
            if (added.kind == K::None)
                return;
            m_document->edit(addActionText(ref.kind), [p](gw::model::Project &target) { target = p; });
            select(added);
        });
        break;
    case K::Authorizer:
    case K::Model:
    case K::Validator:
    case K::ApiKey:
    case K::UsagePlan:
        add(deleteActionText(ref.kind), QStringLiteral("delete"), [this, ref]() {
            gw::model::Project p = m_document->project();
            if (deleteAccessItem(p, ref))
                m_document->edit(deleteActionText(ref.kind), [p](gw::model::Project &target) { target = p; });
        });
        break;
    default:
        break;
    }
    return actions;
}

void NavigatorPanel::addResourceUnder(const ItemRef &ref)
{
    gw::model::Project probe = m_document->project();
    auto *api = probe.api(ref.apiId);
    if (!api)
        return;
    const QString part = freeName(QStringLiteral("resource"), [&](const QString &n) {
        return api->design.resource(gw::model::joinResourcePath(ref.path, n)) != nullptr;
    });
    QString created;
    if (!gw::model::addResource(api->design, ref.path, part, &created).isEmpty())
        return;
    m_document->edit(tr("Add resource %1").arg(created), [probe](gw::model::Project &p) { p = probe; });
    select(ItemRef{ItemRef::Kind::Resource, ref.apiId, created, {}, {}});
}

void NavigatorPanel::addMethod(const ItemRef &ref, const QString &verb)
{
    gw::model::Project probe = m_document->project();
    auto *api = probe.api(ref.apiId);
    if (!api || !gw::model::addMethod(api->design, ref.path, verb).isEmpty())
        return;
    m_document->edit(tr("Add %1 %2").arg(verb, ref.path), [probe](gw::model::Project &p) { p = probe; });
    select(ItemRef{ItemRef::Kind::Method, ref.apiId, ref.path, verb, {}});
}

void NavigatorPanel::deleteItem(const ItemRef &ref)
{
    using K = ItemRef::Kind;
    gw::model::Project p = m_document->project();
    QString what;
    switch (ref.kind) {
    case K::Api:
        p.apis.removeIf([&](const gw::model::Api &a) { return a.id == ref.apiId; });
        what = tr("Delete API");
        break;
    case K::Resource:
        if (auto *api = p.api(ref.apiId); !api || !gw::model::deleteResource(api->design, ref.path).isEmpty())
            return;
        what = tr("Delete %1").arg(ref.path);
        break;
    case K::Method:
        if (auto *api = p.api(ref.apiId); !api || !gw::model::deleteMethod(api->design, ref.path, ref.verb).isEmpty())
            return;
        what = tr("Delete %1 %2").arg(ref.verb, ref.path);
        break;
    case K::Stage:
        if (auto *api = p.api(ref.apiId))
            api->stages.removeIf([&](const gw::model::Stage &s) { return s.name == ref.name; });
        what = tr("Delete stage %1").arg(ref.name);
        break;
    case K::Function:
        p.functions.removeIf([&](const gw::model::Function &f) { return f.name == ref.name; });
        what = tr("Delete function %1").arg(ref.name);
        break;
    default:
        return;
    }
    m_document->edit(what, [p](gw::model::Project &target) { target = p; });
}

void NavigatorPanel::addApi(bool http)
{
    gw::model::Api api = gw::model::newRestApi(http ? tr("New HTTP API") : tr("New REST API"));
    if (http)
        api.type = gw::model::ApiType::Http;
    const QString id = api.id;
    m_document->edit(tr("Add API"), [api](gw::model::Project &p) { p.apis.append(api); });
    select(ItemRef{ItemRef::Kind::Api, id, {}, {}, {}});
}

void NavigatorPanel::addFunction()
{
    const auto &project = m_document->project();
    gw::model::Function f;
    f.name = freeName(QStringLiteral("function"), [&](const QString &n) { return project.function(n) != nullptr; });
    f.code = QStringLiteral("exports.handler = async (event, context) => {\n"
                            "  return { statusCode: 200, body: JSON.stringify({ hello: 'world' }) };\n};\n");
    m_document->edit(tr("Add function %1").arg(f.name), [f](gw::model::Project &p) { p.functions.append(f); });
    select(ItemRef{ItemRef::Kind::Function, {}, {}, {}, f.name});
}

} // namespace gw::ui
