#pragma once

#include "gateway/pipeline/requestcontext.h"

namespace gw::pipeline {

// What one authorizer run decided, before the resource policy is combined with it (reference
// §5.4, §5.7). Allow / Deny / Silent come from a policy (or a verified token: Allow);
// the rest end the request at once.
struct AuthOutcome
{
    enum class Kind {
        Allow,
        Deny,               // the authorizer's policy denies explicitly
        Silent,             // its policy does not cover this method ARN
        Unauthorized,       // 401: identity missing, invalid or rejected
        InsufficientScope,  // HTTP API JWT: 403 Forbidden
        ConfigurationError, // 500 AUTHORIZER_CONFIGURATION_ERROR
        Failure,            // 500 AUTHORIZER_FAILURE (keys could not be fetched...)
    };
    Kind kind = Kind::Unauthorized;
    QString reason;         // for the trace and $context.authorizer.error
    RequestContext::AuthorizerResult result;

    static AuthOutcome make(Kind kind, const QString &reason = {}) { return {kind, reason, {}}; }
};

} // namespace gw::pipeline
