#include "projecttreemodel.h"

namespace gw::ui {

ProjectTreeModel::ProjectTreeModel(QObject *parent) : QStandardItemModel(parent)
{
    setHorizontalHeaderLabels({QStringLiteral("Project")});
}

static QStandardItem *makeItem(const QString &text, const QString &kind, const QString &path)
{
    auto *i = new QStandardItem(text);
    i->setEditable(false);
    i->setData(kind, ProjectTreeModel::KindRole);
    i->setData(path, ProjectTreeModel::PathRole);
    return i;
}

void ProjectTreeModel::setProject(const gw::model::Project &project)
{
    removeRows(0, rowCount());
    auto *root = makeItem(project.name.isEmpty() ? QStringLiteral("Project") : project.name, QStringLiteral("project"), QString());
    for (qsizetype a = 0; a < project.apis.size(); ++a) {
        const auto &api = project.apis[a];
        const QString apiPath = QStringLiteral("apis[%1]").arg(a);
        auto *apiItem = makeItem(QStringLiteral("%1 (%2, %3)").arg(api.name, api.id, gw::model::toString(api.type)), QStringLiteral("api"), apiPath);
        for (qsizetype r = 0; r < api.design.resources.size(); ++r) {
            const auto &res = api.design.resources[r];
            const QString resPath = QString(apiPath + QStringLiteral(".design.resources[%1]").arg(r));
            auto *resItem = makeItem(res.path, QStringLiteral("resource"), resPath);
            for (auto m = res.methods.begin(); m != res.methods.end(); ++m) {
                const QString integration = m->integration ? gw::model::toString(m->integration->type) : QStringLiteral("no integration");
                resItem->appendRow(makeItem(QStringLiteral("%1 — %2").arg(m.key(), integration), QStringLiteral("method"),
                                        QString(resPath + QStringLiteral(".methods.") + m.key())));
            }
            apiItem->appendRow(resItem);
        }
        auto *stages = makeItem(QStringLiteral("Stages"), QStringLiteral("stages"), QString(apiPath + QStringLiteral(".stages")));
        for (qsizetype s = 0; s < api.stages.size(); ++s)
            stages->appendRow(makeItem(QStringLiteral("%1 → %2").arg(api.stages[s].name, api.stages[s].deploymentId),
                                   QStringLiteral("stage"), QString(apiPath + QStringLiteral(".stages[%1]").arg(s))));
        apiItem->appendRow(stages);
        root->appendRow(apiItem);
    }
    appendRow(root);
}

} // namespace gw::ui
