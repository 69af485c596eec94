#pragma once

#include "document/itemref.h"

#include <QWidget>

class QTreeView;

namespace gw::ui {

class ProjectDocument;
class ProjectTreeModel;

// The navigator: the project's tree with problem badges, a context menu for the structural
// edits (add resource/method/API/function, duplicate, delete) and drag and drop to move
// resources. The tree is rebuilt from the document after every change; expansion and the
// selection survive by ItemRef. Thread contract: GUI thread.
class NavigatorPanel : public QWidget
{
    Q_OBJECT
public:
    explicit NavigatorPanel(ProjectDocument *document, QWidget *parent = nullptr);
    void select(const ItemRef &ref);
    ItemRef current() const;
    QTreeView *view() const { return m_view; }
    ProjectTreeModel *model() const { return m_model; }
    // The context menu's actions for an item, built on demand (tests trigger them directly).
    QList<QAction *> actionsFor(const ItemRef &ref, QObject *owner);

signals:
    void itemSelected(const gw::ui::ItemRef &ref);

private:
    void rebuild();
    void addResourceUnder(const ItemRef &ref);
    void addMethod(const ItemRef &ref, const QString &verb);
    void deleteItem(const ItemRef &ref);
    void addApi(bool http);
    void addFunction();

    ProjectDocument *m_document;
    ProjectTreeModel *m_model;
    QTreeView *m_view;
};

} // namespace gw::ui
