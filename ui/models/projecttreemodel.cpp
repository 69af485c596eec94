#include "projecttreemodel.h"

#include <QApplication>
#include <QMimeData>
#include <QStyle>

#include <functional>

namespace gw::ui {

namespace {

const QString kResourceMime = QStringLiteral("application/x-gatewright-resource");

QStandardItem *makeItem(const QString &text, const ItemRef &ref, const QString &jsonPath)
{
    auto *i = new QStandardItem(text);
    i->setEditable(false);
    i->setData(QVariant::fromValue(ref), ProjectTreeModel::RefRole);
    i->setData(jsonPath, ProjectTreeModel::PathRole);
    return i;
}

QString summary(const gw::model::Method &m)
{
    if (!m.integration)
        return QStringLiteral("no integration");
    QString s = gw::model::toString(m.integration->type);
    if (m.authorizationType != QLatin1String("NONE"))
        s += QStringLiteral(" · ") + m.authorizationType;
    if (m.apiKeyRequired)
        s += QStringLiteral(" · key");
    return s;
}

// Marks items whose JSON path prefixes a diagnostic's path; the first message is the tooltip.
void markProblems(QStandardItem *item, const gw::model::Diagnostics &problems)
{
    const QString path = item->data(ProjectTreeModel::PathRole).toString();
    if (!path.isEmpty()) {
        QStringList messages;
        for (const auto &d : problems)
            if (d.path == path || d.path.startsWith(path + QLatin1Char('.')) || d.path.startsWith(path + QLatin1Char('[')))
                messages << d.message;
        if (!messages.isEmpty()) {
            item->setData(messages.join(QLatin1Char('\n')), ProjectTreeModel::ProblemRole);
            item->setToolTip(messages.join(QLatin1Char('\n')));
            item->setIcon(QApplication::style()->standardIcon(QStyle::SP_MessageBoxWarning));
        }
    }
    for (int r = 0; r < item->rowCount(); ++r)
        markProblems(item->child(r), problems);
}

} // namespace

ProjectTreeModel::ProjectTreeModel(QObject *parent) : QStandardItemModel(parent)
{
    setHorizontalHeaderLabels({QStringLiteral("Project")});
}

ItemRef ProjectTreeModel::refAt(const QModelIndex &index)
{
    return index.data(RefRole).value<ItemRef>();
}

void ProjectTreeModel::setProject(const gw::model::Project &project, const gw::model::Diagnostics &problems)
{
    using K = ItemRef::Kind;
    removeRows(0, rowCount());
    auto *root = makeItem(project.name.isEmpty() ? tr("Project") : project.name, ItemRef{K::Project, {}, {}, {}, {}}, QStringLiteral("server"));
    for (qsizetype a = 0; a < project.apis.size(); ++a) {
        const auto &api = project.apis[a];
        const QString apiPath = QStringLiteral("apis[%1]").arg(a);
        auto *apiItem = makeItem(QStringLiteral("%1 (%2, %3)").arg(api.name, api.id, gw::model::toString(api.type)),
                                 ItemRef{K::Api, api.id, {}, {}, {}}, apiPath);
        QHash<QString, QStandardItem *> byPath;
        for (qsizetype r = 0; r < api.design.resources.size(); ++r) {
            const auto &res = api.design.resources[r];
            const QString resPath = apiPath + QStringLiteral(".design.resources[%1]").arg(r);
            auto *resItem = makeItem(res.path == QLatin1String("/") ? QStringLiteral("/") : QLatin1Char('/') + res.pathPart(),
                                     ItemRef{K::Resource, api.id, res.path, {}, {}}, resPath);
            resItem->setToolTip(res.path);
            resItem->setDragEnabled(res.path != QLatin1String("/"));
            resItem->setDropEnabled(true);
            for (auto m = res.methods.begin(); m != res.methods.end(); ++m)
                resItem->appendRow(makeItem(QStringLiteral("%1 — %2").arg(m.key(), summary(*m)),
                                            ItemRef{K::Method, api.id, res.path, m.key(), {}}, resPath + QStringLiteral(".methods.") + m.key()));
            // Resources are sorted by path, so a parent is always seen before its children.
            QStandardItem *parent = byPath.value(res.parentPath(), apiItem);
            parent->appendRow(resItem);
            byPath.insert(res.path, resItem);
        }
        auto *stages = makeItem(tr("Stages"), ItemRef{K::Stages, api.id, {}, {}, {}}, apiPath + QStringLiteral(".stages"));
        for (qsizetype s = 0; s < api.stages.size(); ++s) {
            const auto &stage = api.stages[s];
            const QString deployment = stage.deploymentId.isEmpty() ? tr("not deployed") : stage.deploymentId;
            stages->appendRow(makeItem(QStringLiteral("%1 → %2").arg(stage.name, deployment), ItemRef{K::Stage, api.id, {}, {}, stage.name},
                                       apiPath + QStringLiteral(".stages[%1]").arg(s)));
        }
        apiItem->appendRow(stages);
        const auto &d = api.design;
        const QString design = apiPath + QStringLiteral(".design");
        auto *authorizers = makeItem(tr("Authorizers"), ItemRef{K::Authorizers, api.id, {}, {}, {}}, design + QStringLiteral(".authorizers"));
        for (qsizetype i = 0; i < d.authorizers.size(); ++i)
            authorizers->appendRow(makeItem(QStringLiteral("%1 (%2)").arg(d.authorizers[i].name, d.authorizers[i].type),
                                            ItemRef{K::Authorizer, api.id, {}, {}, d.authorizers[i].id},
                                            design + QStringLiteral(".authorizers[%1]").arg(i)));
        apiItem->appendRow(authorizers);
        auto *models = makeItem(tr("Models"), ItemRef{K::Models, api.id, {}, {}, {}}, design + QStringLiteral(".models"));
        for (qsizetype i = 0; i < d.models.size(); ++i)
            models->appendRow(makeItem(d.models[i].name, ItemRef{K::Model, api.id, {}, {}, d.models[i].name},
                                       design + QStringLiteral(".models[%1]").arg(i)));
        apiItem->appendRow(models);
        auto *validators = makeItem(tr("Validators"), ItemRef{K::Validators, api.id, {}, {}, {}}, design + QStringLiteral(".requestValidators"));
        for (qsizetype i = 0; i < d.requestValidators.size(); ++i)
            validators->appendRow(makeItem(d.requestValidators[i].name, ItemRef{K::Validator, api.id, {}, {}, d.requestValidators[i].id},
                                           design + QStringLiteral(".requestValidators[%1]").arg(i)));
        apiItem->appendRow(validators);
        root->appendRow(apiItem);
    }
    auto *functions = makeItem(tr("Functions"), ItemRef{K::Functions, {}, {}, {}, {}}, QStringLiteral("functions"));
    for (qsizetype f = 0; f < project.functions.size(); ++f)
        functions->appendRow(makeItem(project.functions[f].name, ItemRef{K::Function, {}, {}, {}, project.functions[f].name},
                                      QStringLiteral("functions[%1]").arg(f)));
    root->appendRow(functions);
    auto *keys = makeItem(tr("API keys"), ItemRef{K::ApiKeys, {}, {}, {}, {}}, QStringLiteral("apiKeys"));
    for (qsizetype k = 0; k < project.apiKeys.size(); ++k) {
        const auto &key = project.apiKeys[k];
        keys->appendRow(makeItem(key.enabled ? key.name : tr("%1 (disabled)").arg(key.name), ItemRef{K::ApiKey, {}, {}, {}, key.id},
                                 QStringLiteral("apiKeys[%1]").arg(k)));
    }
    root->appendRow(keys);
    auto *plans = makeItem(tr("Usage plans"), ItemRef{K::UsagePlans, {}, {}, {}, {}}, QStringLiteral("usagePlans"));
    for (qsizetype u = 0; u < project.usagePlans.size(); ++u)
        plans->appendRow(makeItem(project.usagePlans[u].name, ItemRef{K::UsagePlan, {}, {}, {}, project.usagePlans[u].id},
                                  QStringLiteral("usagePlans[%1]").arg(u)));
    root->appendRow(plans);
    markProblems(root, problems);
    appendRow(root);
}

QModelIndex ProjectTreeModel::indexOf(const ItemRef &ref) const
{
    const QString key = ref.key();
    std::function<QModelIndex(const QModelIndex &)> walk = [&](const QModelIndex &parent) -> QModelIndex {
        for (int r = 0; r < rowCount(parent); ++r) {
            const QModelIndex i = index(r, 0, parent);
            if (refAt(i).key() == key)
                return i;
            if (const QModelIndex found = walk(i); found.isValid())
                return found;
        }
        return {};
    };
    return walk({});
}

Qt::ItemFlags ProjectTreeModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = QStandardItemModel::flags(index);
    const ItemRef ref = refAt(index);
    f &= ~(Qt::ItemIsDragEnabled | Qt::ItemIsDropEnabled);
    if (ref.kind == ItemRef::Kind::Resource) {
        f |= Qt::ItemIsDropEnabled;
        if (ref.path != QLatin1String("/"))
            f |= Qt::ItemIsDragEnabled;
    }
    return f;
}

QStringList ProjectTreeModel::mimeTypes() const
{
    return {kResourceMime};
}

QMimeData *ProjectTreeModel::mimeData(const QModelIndexList &indexes) const
{
    if (indexes.isEmpty())
        return nullptr;
    const ItemRef ref = refAt(indexes.first());
    if (ref.kind != ItemRef::Kind::Resource)
        return nullptr;
    auto *data = new QMimeData;
    data->setData(kResourceMime, (ref.apiId + QLatin1Char('\n') + ref.path).toUtf8());
    return data;
}

bool ProjectTreeModel::canDropMimeData(const QMimeData *data, Qt::DropAction, int, int, const QModelIndex &parent) const
{
    if (!data || !data->hasFormat(kResourceMime))
        return false;
    const QStringList parts = QString::fromUtf8(data->data(kResourceMime)).split(QLatin1Char('\n'));
    const ItemRef target = refAt(parent);
    // Not onto itself, nor into its own subtree.
    return parts.size() == 2 && target.kind == ItemRef::Kind::Resource && target.apiId == parts[0] && target.path != parts[1]
           && !target.path.startsWith(parts[1] + QLatin1Char('/'));
}

bool ProjectTreeModel::dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column, const QModelIndex &parent)
{
    if (!canDropMimeData(data, action, row, column, parent))
        return false;
    const QStringList parts = QString::fromUtf8(data->data(kResourceMime)).split(QLatin1Char('\n'));
    emit moveRequested(parts[0], parts[1], refAt(parent).path);
    // The document moves the resource and the tree is rebuilt from it; returning false keeps
    // the view from deleting the dragged row itself.
    return false;
}

} // namespace gw::ui
