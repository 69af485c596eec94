#pragma once

#include "gateway/pipeline/phase.h"

namespace gw::pipeline {

// Request validation (reference §6), after the API key and before the cache: the method's
// request validator checks required parameters first, then the body against the model chosen
// by the request's Content-Type. Failures are 400 BAD_REQUEST_PARAMETERS ("Missing required
// request parameters: [a, b]") or BAD_REQUEST_BODY ("Invalid request body", the details in
// $context.error.validationErrorString). Everything it needs was compiled at deploy time.
class ValidatePhase final : public Phase
{
public:
    const char *name() const override { return "validate"; }
    PhaseResult onRequest(const std::shared_ptr<RequestContext> &ctx, const Resume &) override;
};

} // namespace gw::pipeline
