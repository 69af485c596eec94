#pragma once

#include "gateway/model/stage.h"

namespace gw::traffic {

// The stage settings that apply to one method: the stage's methodSettings entries whose key
// matches "{resourcePath}/{VERB}" merged field by field, the most specific entry winning.
// Keys are written as API Gateway writes them: the resource path without its leading '/', inner
// '/' escaped as "~1" ("pets~1{id}/GET", "~1/GET" for the root), '*' as a wildcard for the whole
// resource or verb ("*/*", "pets/*") or inside a path ("pets~1*/GET"); an unescaped path
// ("/pets/{id}/GET") and HTTP APIs' route keys ("GET /pets") are accepted too.
// Called at deploy time only.
model::MethodSetting effectiveMethodSetting(const QMap<QString, model::MethodSetting> &settings,
                                            const QString &resourcePath, const QString &verb);

} // namespace gw::traffic
