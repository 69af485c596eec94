#pragma once

#include "project.h"

namespace gw::model {

// Snapshots the API's design into a new immutable deployment and points the stage at it
// (creating the stage if it does not exist), as API Gateway's CreateDeployment does.
// Returns the new deployment's id.
QString deploy(Api &api, const QString &stageName, const QString &description = {});

// A new API with the root resource, ready to edit.
Api newRestApi(const QString &name);

} // namespace gw::model
