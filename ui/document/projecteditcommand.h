#pragma once

#include "gateway/model/project.h"

#include <QUndoCommand>

namespace gw::ui {

class ProjectDocument;

// One edit as the project before and after it. Whole-project snapshots keep every editor's
// undo exact without a command class per field; Qt's implicitly shared containers make the
// copies cheap, and projects are small next to the memory a window already uses.
class ProjectEditCommand : public QUndoCommand
{
public:
    ProjectEditCommand(ProjectDocument *document, const QString &text, gw::model::Project before,
                       gw::model::Project after, const QString &mergeKey);
    void undo() override;
    void redo() override;
    int id() const override { return m_mergeKey.isEmpty() ? -1 : 1; }
    bool mergeWith(const QUndoCommand *other) override;

private:
    ProjectDocument *m_document;
    gw::model::Project m_before;
    gw::model::Project m_after;
    QString m_mergeKey;
};

} // namespace gw::ui
