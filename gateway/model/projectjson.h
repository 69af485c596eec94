#pragma once

#include "diagnostic.h"
#include "project.h"

#include <QJsonObject>

namespace gw::model {

// The native file format: one JSON object, stable key order, defaults left out.
QJsonObject toJson(const Project &project);
QJsonObject toJson(const Api &api);
QJsonObject toJson(const ApiDefinition &definition);
QJsonObject toJson(const Stage &stage);
QJsonObject toJson(const Method &method);

// Reads what it can; every field of the wrong type becomes a Diagnostic with its JSON path.
Project projectFromJson(const QJsonObject &json, Diagnostics *diagnostics);
Api apiFromJson(const QJsonObject &json, const QString &path, Diagnostics *diagnostics);
ApiDefinition definitionFromJson(const QJsonObject &json, const QString &path, Diagnostics *diagnostics);
Method methodFromJson(const QJsonObject &json, const QString &path, Diagnostics *diagnostics);

} // namespace gw::model
