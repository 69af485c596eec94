#include "projecteditcommand.h"

#include "projectdocument.h"

namespace gw::ui {

ProjectEditCommand::ProjectEditCommand(ProjectDocument *document, const QString &text, gw::model::Project before,
                                       gw::model::Project after, const QString &mergeKey)
    : QUndoCommand(text), m_document(document), m_before(std::move(before)), m_after(std::move(after)), m_mergeKey(mergeKey)
{
}

void ProjectEditCommand::undo()
{
    m_document->setProjectFromCommand(m_before);
}

void ProjectEditCommand::redo()
{
    m_document->setProjectFromCommand(m_after);
}

bool ProjectEditCommand::mergeWith(const QUndoCommand *other)
{
    const auto *next = static_cast<const ProjectEditCommand *>(other);
    if (next->m_mergeKey != m_mergeKey)
        return false;
    m_after = next->m_after;
    return true;
}

} // namespace gw::ui
