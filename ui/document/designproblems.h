#pragma once

#include "gateway/model/diagnostic.h"
#include "gateway/model/project.h"

namespace gw::ui {

// What the designer shows as problems: the model's check() plus what only compiling finds
// (mapping templates that do not parse, with line:column), so the forms show it before a deploy.
gw::model::Diagnostics designProblems(const gw::model::Project &project);

// The errors among them that concern one API (its JSON path prefix), which block its deploy.
gw::model::Diagnostics blockingErrors(const gw::model::Project &project, const QString &apiId);

} // namespace gw::ui
