#pragma once

#include "gateway/model/project.h"

namespace gwtest {

// Small builders for projects used by integration tests.
gw::model::Method mockMethod(const QString &verb, int status, const QString &body);
gw::model::Method httpMethod(const QString &verb, gw::model::IntegrationType type, const QString &uri, int timeoutMs = 29000);
// Adds the resource (and any missing parents) and returns it.
gw::model::Resource &addResource(gw::model::Api &api, const QString &path);

} // namespace gwtest
