#pragma once

#include "diagnostic.h"
#include "project.h"

namespace gw::model {

// Every problem in a project, each with the JSON path of the offending field. Pure: the CLI's
// `check`, the editors' inline messages and deploy all call it.
Diagnostics check(const Project &project);
Diagnostics checkDefinition(const ApiDefinition &definition, const QString &path);

// Rules that single fields must obey, shared with the editors' forms.
QString checkResourcePath(const QString &path);           // empty when valid
QString checkStageVariableName(const QString &name);
QString checkStageVariableValue(const QString &value);
bool isHttpMethod(const QString &verb);                   // GET ... ANY

} // namespace gw::model
