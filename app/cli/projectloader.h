#pragma once

#include "gateway/model/project.h"

#include <optional>

namespace gw::cli {

// Loads a project file, printing every load error as "FILE:path: message" on stderr.
std::optional<model::Project> loadProjectOrReport(const QString &fileName);

// Reads a "name value" option from args (removing both); returns the default if absent.
QString takeOption(QStringList &args, const QString &name, const QString &fallback = {});
QStringList takeOptions(QStringList &args, const QString &name);
bool takeFlag(QStringList &args, const QString &name);

} // namespace gw::cli
