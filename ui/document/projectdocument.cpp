#include "projectdocument.h"

#include "projecteditcommand.h"

#include "gateway/model/projectfile.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QUndoStack>

namespace gw::ui {

ProjectDocument::ProjectDocument(QObject *parent) : QObject(parent), m_undo(new QUndoStack(this))
{
    m_autosave.setSingleShot(true);
    m_autosave.setInterval(3000);
    connect(&m_autosave, &QTimer::timeout, this, [this]() {
        if (isModified())
            writeRecovery();
    });
    connect(m_undo, &QUndoStack::cleanChanged, this, [this](bool clean) {
        if (clean)
            discardRecovery(); // back at the saved state: nothing to recover
        emit modifiedChanged(!clean);
    });
}

// The recovery file stays on purpose: a document destroyed without a clean close is what a
// crash looks like, and the next session offers what was in it.
ProjectDocument::~ProjectDocument() = default;

QString ProjectDocument::displayName() const
{
    return m_fileName.isEmpty() ? tr("Untitled") : QFileInfo(m_fileName).fileName();
}

bool ProjectDocument::isModified() const
{
    return !m_undo->isClean();
}

void ProjectDocument::edit(const QString &text, const Change &change, const QString &mergeKey)
{
    gw::model::Project after = m_project;
    change(after);
    if (after == m_project)
        return;
    m_undo->push(new ProjectEditCommand(this, text, m_project, std::move(after), mergeKey));
}

void ProjectDocument::setProjectFromCommand(const gw::model::Project &project)
{
    m_project = project;
    m_autosave.start();
    emit changed();
}

void ProjectDocument::reset(const gw::model::Project &project, const QString &fileName)
{
    m_autosave.stop();
    m_project = project;
    m_undo->clear();
    m_undo->setClean();
    const bool renamed = fileName != m_fileName;
    m_fileName = fileName;
    if (renamed)
        emit fileNameChanged();
    emit modifiedChanged(false);
    emit changed();
}

bool ProjectDocument::open(const QString &fileName, QString *error)
{
    const auto loaded = gw::model::loadProject(fileName);
    if (!loaded.ok) {
        if (error)
            *error = loaded.diagnostics.value(0).toString(fileName);
        return false;
    }
    discardRecovery(); // the document being replaced was closed on purpose
    reset(loaded.project, QFileInfo(fileName).absoluteFilePath());
    return true;
}

bool ProjectDocument::save(QString *error)
{
    if (m_fileName.isEmpty()) {
        if (error)
            *error = tr("The project has no file name yet: use Save As.");
        return false;
    }
    return saveAs(m_fileName, error);
}

bool ProjectDocument::saveAs(const QString &fileName, QString *error)
{
    if (!gw::model::saveProject(m_project, fileName, error))
        return false;
    const QString absolute = QFileInfo(fileName).absoluteFilePath();
    if (absolute != m_fileName) {
        discardRecovery();
        m_fileName = absolute;
        emit fileNameChanged();
    }
    m_autosave.stop();
    m_undo->setClean();
    discardRecovery();
    return true;
}

QString ProjectDocument::recoveryFileFor(const QString &fileName)
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) + QStringLiteral("/recovery");
    if (fileName.isEmpty())
        return dir + QStringLiteral("/untitled.gwproj");
    const QByteArray key = QCryptographicHash::hash(QFileInfo(fileName).absoluteFilePath().toUtf8(), QCryptographicHash::Sha1).toHex();
    return dir + QLatin1Char('/') + QString::fromLatin1(key.left(16)) + QLatin1Char('-') + QFileInfo(fileName).fileName();
}

bool ProjectDocument::writeRecovery(QString *error)
{
    const QString file = recoveryFile();
    QDir().mkpath(QFileInfo(file).absolutePath());
    return gw::model::saveProject(m_project, file, error);
}

void ProjectDocument::discardRecovery()
{
    QFile::remove(recoveryFile());
}

bool ProjectDocument::hasRecovery() const
{
    const QFileInfo recovery(recoveryFile());
    if (!recovery.exists())
        return false;
    if (m_fileName.isEmpty())
        return true;
    const QFileInfo saved(m_fileName);
    return !saved.exists() || recovery.lastModified() >= saved.lastModified();
}

bool ProjectDocument::recover(QString *error)
{
    const auto loaded = gw::model::loadProject(recoveryFile());
    if (!loaded.ok) {
        if (error)
            *error = loaded.diagnostics.value(0).toString(recoveryFile());
        return false;
    }
    const gw::model::Project recovered = loaded.project;
    edit(tr("Recover unsaved changes"), [&](gw::model::Project &p) { p = recovered; });
    return true;
}

} // namespace gw::ui
