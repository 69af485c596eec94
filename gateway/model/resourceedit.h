#pragma once

#include "api.h"

namespace gw::model {

// Edits of an API's resource tree that keep it whole: every resource's parent exists, paths are
// unique, the list stays sorted by path, and descendants follow a renamed or moved resource.
// Each returns an empty string on success, else what is wrong (the definition is unchanged).
// Used by the designer's navigator and forms; pure, so tested without a screen.

QString joinResourcePath(const QString &parentPath, const QString &pathPart);

// Adds `parentPath/pathPart`; `createdPath` receives the new path.
QString addResource(ApiDefinition &api, const QString &parentPath, const QString &pathPart,
                    QString *createdPath = nullptr);
// Changes the last segment of `path`; descendants keep their place under it.
QString renameResource(ApiDefinition &api, const QString &path, const QString &newPathPart,
                       QString *newPath = nullptr);
// Moves `path` (with its descendants) under `newParentPath`.
QString moveResource(ApiDefinition &api, const QString &path, const QString &newParentPath,
                     QString *newPath = nullptr);
// Removes `path` and its descendants; the root cannot be removed.
QString deleteResource(ApiDefinition &api, const QString &path);

// Adds a method with a MOCK integration answering 200, as the console's "create method" leaves
// a method that can be called at once.
QString addMethod(ApiDefinition &api, const QString &path, const QString &verb);
QString deleteMethod(ApiDefinition &api, const QString &path, const QString &verb);
// Copies a method to another verb on the same resource.
QString duplicateMethod(ApiDefinition &api, const QString &path, const QString &fromVerb, const QString &toVerb);

} // namespace gw::model
