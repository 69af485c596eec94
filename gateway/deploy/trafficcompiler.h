#pragma once

#include "runtimeconfig.h"

namespace gw::deploy {

// Deploy-time resolution of throttling, caching and CORS (gateway/traffic): nothing of it is
// worked out per request.
void compileStageTraffic(const CompiledApi &api, CompiledStage &stage);
void compileProjectTraffic(const model::Project &project, RuntimeConfig *config);
std::shared_ptr<const traffic::HttpCorsPolicy> compileCors(const model::ApiDefinition &definition);

} // namespace gw::deploy
