#pragma once

#include "gateway/transform/mappingrequest.h"

namespace gw::cli {

// Reads the REQUEST.json of `gatewright-cli render`: method, path, resourcePath, headers, query,
// pathParameters (objects of strings), body (the raw string $input.body sees), stageVariables,
// context (merged over the generated $context) and variables (extra top-level VTL variables,
// JSON values as $util.parseJson returns them). Every member is optional.
bool readRenderRequest(const QString &file, transform::MappingRequest *out, QString *error);

} // namespace gw::cli
