#pragma once

#include "requestcontext.h"

#include <functional>
#include <memory>

namespace gw::pipeline {

enum class PhaseResult {
    Continue, // go on to the next phase
    Respond,  // the context holds a response or an error: skip to the response path
    Suspend,  // async work pending: the phase calls resume(result) later, on the same thread
};

// One step of the request's way through the gateway (ARCHITECTURE.md). Holds only immutable
// configuration: one phase object serves every request of its thread.
class Phase
{
public:
    using Resume = std::function<void(PhaseResult)>;
    virtual ~Phase() = default;
    virtual const char *name() const = 0;
    // `resume` is for Suspend only; it must be called exactly once, unless the request is
    // abandoned (the weak context is gone).
    virtual PhaseResult onRequest(const std::shared_ptr<RequestContext> &ctx, const Resume &resume) = 0;
    // Runs in reverse order for every phase whose onRequest ran, errors included.
    virtual void onResponse(RequestContext &) {}
};

} // namespace gw::pipeline
