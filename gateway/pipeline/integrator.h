#pragma once

#include "phase.h"

namespace gw::pipeline {

// Calls an integration's endpoint with ctx->endpointRequest and fills ctx->endpointResult (or
// ctx->error). Returns Continue when done at once, Suspend when it will call `resume` later.
// One instance per engine thread.
class Integrator
{
public:
    virtual ~Integrator() = default;
    virtual PhaseResult invoke(const std::shared_ptr<RequestContext> &ctx, const Phase::Resume &resume) = 0;
};

} // namespace gw::pipeline
