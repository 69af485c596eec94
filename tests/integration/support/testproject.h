#pragma once

#include "gateway/model/project.h"
#include "gateway/runtime/engine.h"

namespace gwtest {

// Small builders for projects used by integration tests.
gw::model::Method mockMethod(const QString &verb, int status, const QString &body);
gw::model::Method httpMethod(const QString &verb, gw::model::IntegrationType type, const QString &uri, int timeoutMs = 29000);
// Adds the resource (and any missing parents) and returns it.
gw::model::Resource &addResource(gw::model::Api &api, const QString &path);
// Starts the engine on 127.0.0.1 and a free port and waits (test only) until it listens.
bool startOnFreePort(gw::runtime::Engine &engine, gw::runtime::EngineOptions options = {});

} // namespace gwtest
