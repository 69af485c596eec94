#pragma once

#include "gateway/model/project.h"

#include <QObject>
#include <QTimer>

#include <functional>

class QUndoStack;

namespace gw::ui {

// The open project: the model, its file, its undo history and its recovery file. Every change
// goes through edit(), so every change is one undo step and marks the document modified; the
// widgets never change the model directly. Thread contract: GUI thread.
class ProjectDocument : public QObject
{
    Q_OBJECT
public:
    using Change = std::function<void(gw::model::Project &)>;

    explicit ProjectDocument(QObject *parent = nullptr);
    ~ProjectDocument() override;

    const gw::model::Project &project() const { return m_project; }
    QString fileName() const { return m_fileName; }
    QString displayName() const;
    QUndoStack *undoStack() const { return m_undo; }
    bool isModified() const;

    // One undo step named `text`. Consecutive edits with the same non-empty `mergeKey` (typing
    // in one field) merge into one step. A change that leaves the project as it was is dropped.
    void edit(const QString &text, const Change &change, const QString &mergeKey = {});

    // New or opened project: clears the history; the document is unmodified.
    void reset(const gw::model::Project &project, const QString &fileName);
    // Loads a file; on failure nothing changes and `error` says what and where.
    bool open(const QString &fileName, QString *error);
    bool save(QString *error);                      // to fileName(), which must be set
    bool saveAs(const QString &fileName, QString *error);

    // Crash recovery: while modified, the project is written (atomically) to a recovery file a
    // few seconds after each change; a clean save or close removes it. A crash leaves it behind,
    // and the next open of the same file (or the next start, for an untitled project) offers it.
    static QString recoveryFileFor(const QString &fileName);
    QString recoveryFile() const { return recoveryFileFor(m_fileName); }
    bool writeRecovery(QString *error = nullptr);
    void discardRecovery();
    // A recovery file newer than the saved file, left by a session that ended without saving.
    bool hasRecovery() const;
    // Replaces the content with the recovery file's (one undo step, so the user can go back).
    bool recover(QString *error);
    void setAutosaveDelay(int ms) { m_autosave.setInterval(ms); }

signals:
    void changed();           // the project's content changed (edit, undo, redo, reset)
    void fileNameChanged();
    void modifiedChanged(bool modified);

private:
    friend class ProjectEditCommand;
    void setProjectFromCommand(const gw::model::Project &project);

    gw::model::Project m_project;
    QString m_fileName;
    QUndoStack *m_undo;
    QTimer m_autosave;
};

} // namespace gw::ui
