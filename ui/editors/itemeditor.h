#pragma once

#include "ui/document/itemref.h"

#include "gateway/model/project.h"

#include <QWidget>

#include <functional>

class QLabel;
class QVBoxLayout;

namespace gw::ui {

class ProjectDocument;

// Base of the forms in the editor area: each edits one item of the document, reloads itself
// when the document changes (undo, redo, another editor) and lists check()'s messages for its
// item. Subclasses fill widgets in load() and write through edit(); edits made while loading are
// ignored, so programmatic updates never become undo steps. Thread contract: GUI thread.
class ItemEditor : public QWidget
{
    Q_OBJECT
public:
    explicit ItemEditor(ProjectDocument *document, QWidget *parent = nullptr);
    void setItem(const ItemRef &ref);
    const ItemRef &item() const { return m_item; }
    QString problemsText() const;
    // Pages inside another editor leave the messages to it.
    void setShowsProblems(bool shows) { m_showsProblems = shows; }

signals:
    // The item's identity changed through this editor (a resource renamed): the navigator follows.
    void itemMoved(const gw::ui::ItemRef &ref);

protected:
    virtual void load() = 0;
    ProjectDocument *document() const { return m_document; }
    const gw::model::Project &project() const;
    bool isLoading() const { return m_loading; }
    // One undo step; `field` merges consecutive edits of the same field of this item.
    void edit(const QString &text, const std::function<void(gw::model::Project &)> &change, const QString &field = {});
    void retarget(const ItemRef &ref);
    // Edits the method this editor points at (method editors and their pages).
    void changeMethod(const QString &text, const QString &field, const std::function<void(gw::model::Method &)> &f);
    // Edits the item `find(project, item())` returns (null: it is gone and nothing happens), e.g.
    // changeItem(text, field, findApiKey, [](gw::model::ApiKey &k) { ... }).
    template<typename T, typename F>
    void changeItem(const QString &text, const QString &field, T *(*find)(gw::model::Project &, const ItemRef &), F f)
    {
        const ItemRef ref = item();
        edit(text, [ref, find, f](gw::model::Project &p) {
            if (T *x = find(p, ref))
                f(*x);
        }, field);
    }
    // Subclasses put their form in this layout; the problems label sits below it.
    QVBoxLayout *body() const { return m_body; }

private:
    void reload();

    ProjectDocument *m_document;
    ItemRef m_item;
    bool m_loading = false;
    bool m_showsProblems = true;
    QVBoxLayout *m_body;
    QLabel *m_problems;
};

} // namespace gw::ui
