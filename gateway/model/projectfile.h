#pragma once

#include "diagnostic.h"
#include "project.h"

#include <QString>

namespace gw::model {

struct LoadResult
{
    Project project;
    Diagnostics diagnostics;  // load errors (unreadable, corrupt, newer schema, wrong types)
    bool ok = false;
    int migratedFrom = 0;     // the file's schema version when it was migrated, else 0
};

// Reads a .gwproj file. On any error `ok` is false and nothing is changed on disk.
LoadResult loadProject(const QString &fileName);
LoadResult parseProject(const QByteArray &bytes);

// Writes atomically (QSaveFile): a crash mid-save leaves the previous file intact.
bool saveProject(const Project &project, const QString &fileName, QString *error);
QByteArray serializeProject(const Project &project);

// Brings an older file's JSON up to Project::kSchemaVersion, one step per version.
QJsonObject migrateProject(QJsonObject json, int fromVersion);

} // namespace gw::model
