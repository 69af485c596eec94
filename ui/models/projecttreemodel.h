#pragma once

#include "ui/document/itemref.h"

#include "gateway/model/diagnostic.h"
#include "gateway/model/project.h"

#include <QStandardItemModel>

namespace gw::ui {

// The navigator's tree: Project → APIs → resources nested by path → methods; each API's
// stages, authorizers, models and validators; the project's functions, API keys and usage
// plans. Items carry an ItemRef (stable across rebuilds) and the JSON path that check()'s
// diagnostics use, so an item with problems gets a badge and a tooltip.
// Resources can be dragged onto another resource; the model only reports the wish
// (moveRequested) — the document does the move, and the tree is rebuilt from it.
// Thread contract: GUI thread.
class ProjectTreeModel : public QStandardItemModel
{
    Q_OBJECT
public:
    enum Role { RefRole = Qt::UserRole + 1, PathRole, ProblemRole };
    explicit ProjectTreeModel(QObject *parent = nullptr);

    void setProject(const gw::model::Project &project, const gw::model::Diagnostics &problems = {});
    QModelIndex indexOf(const ItemRef &ref) const;
    static ItemRef refAt(const QModelIndex &index);

    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;
    bool canDropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                         const QModelIndex &parent) const override;
    bool dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column, const QModelIndex &parent) override;
    Qt::DropActions supportedDropActions() const override { return Qt::MoveAction; }

signals:
    void moveRequested(const QString &apiId, const QString &fromPath, const QString &toParentPath);
};

} // namespace gw::ui
