#pragma once

#include "gateway/model/diagnostic.h"

#include <QString>

namespace gw::cli {

// Everything `check FILE` reports for a project file: what loading it finds, then model::check,
// then what only compiling finds (templates, schemas, access-log formats, patterns).
model::Diagnostics checkProjectFile(const QString &fileName);

} // namespace gw::cli
