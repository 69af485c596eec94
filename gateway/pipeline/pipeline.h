#pragma once

#include "phase.h"

#include <memory>
#include <vector>

namespace gw::pipeline {

// Runs phases in order, handles suspend/resume, turns errors and escaped exceptions into the
// gateway response, runs the response path in reverse and hands the response to ctx->done.
// Thread contract: one Pipeline per engine thread; run() and every resume on that thread.
class Pipeline
{
public:
    explicit Pipeline(std::vector<std::unique_ptr<Phase>> phases);
    void run(const std::shared_ptr<RequestContext> &ctx) const;

private:
    void advance(const std::shared_ptr<RequestContext> &ctx, PhaseResult result) const;
    void finish(const std::shared_ptr<RequestContext> &ctx) const;

    std::vector<std::unique_ptr<Phase>> m_phases;
};

} // namespace gw::pipeline
