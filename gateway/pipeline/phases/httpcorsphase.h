#pragma once

#include "gateway/pipeline/phase.h"

namespace gw::pipeline {

// HTTP APIs' built-in CORS (reference §9.2) on actual responses: sets the configured
// Access-Control-* headers and drops the integration's, errors included. Preflights are answered
// earlier, by the resolve phase, because they need no route. REST APIs do CORS through their own
// OPTIONS methods and mappings (gateway/model/corsenabler.h).
class HttpCorsPhase final : public Phase
{
public:
    const char *name() const override { return "cors"; }
    PhaseResult onRequest(const std::shared_ptr<RequestContext> &, const Resume &) override { return PhaseResult::Continue; }
    void onResponse(RequestContext &ctx) override;
};

} // namespace gw::pipeline
