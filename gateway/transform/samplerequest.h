#pragma once

#include "mappingrequest.h"

namespace gw::transform {

// A sample request as JSON, the contract of `gatewright-cli render --request` and of the template
// editor's preview: method, path, resourcePath, headers, query,
// pathParameters (objects of strings), body (the raw string $input.body sees), stageVariables,
// context (merged over the generated $context) and variables (extra top-level VTL variables,
// JSON values as $util.parseJson returns them). Every member is optional.
bool readSampleRequest(const QString &file, MappingRequest *out, QString *error);
// The same from JSON text; `source` names it in errors ("file.json: headers.a: must be a string").
bool parseSampleRequest(const QByteArray &json, const QString &source, MappingRequest *out, QString *error);

} // namespace gw::transform
