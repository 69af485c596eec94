#pragma once

#include "gateway/model/project.h"

#include <QStandardItemModel>

namespace gw::ui {

// The navigator's tree: Project → APIs → resources (by path) → methods, and each API's stages.
// Rebuilt from the document whenever it changes. Thread contract: GUI thread.
class ProjectTreeModel : public QStandardItemModel
{
    Q_OBJECT
public:
    enum Role { KindRole = Qt::UserRole + 1, PathRole };
    explicit ProjectTreeModel(QObject *parent = nullptr);
    void setProject(const gw::model::Project &project);
};

} // namespace gw::ui
