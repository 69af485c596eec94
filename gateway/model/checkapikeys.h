#pragma once

#include "diagnostic.h"
#include "project.h"

namespace gw::model {

// Part of check(): API keys and usage plans — unique key ids and values, known keys and stages,
// quota settings, and no key in two plans on one stage (API Gateway refuses that).
void checkApiKeysAndPlans(const Project &project, Diagnostics &out);
// Part of check(): the API's key source, request validators and models, and the validators and
// models its methods name. Whether a model's schema compiles is checked at deploy time
// (gateway/validate), which `check` also runs.
void checkRequestValidation(const ApiDefinition &definition, const QString &path, Diagnostics &out);

} // namespace gw::model
