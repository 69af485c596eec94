#pragma once

#include "authoutcome.h"

#include "gateway/auth/authorizerinvoker.h"
#include "gateway/auth/compiledauthorizer.h"

#include <functional>
#include <memory>

namespace gw::pipeline {

// Runs a TOKEN or REQUEST Lambda authorizer for one request (reference §5.1–5.4): identity
// checks first (missing or not matching the validation expression: 401 without calling), then
// the result cache (keyed on the token, or on all identity-source values; TTL 0: no cache), then
// the function. The policy (fresh or cached) is evaluated against this request's method ARN.
// One instance per engine thread.
class LambdaAuthorization
{
public:
    using Done = std::function<void(AuthOutcome)>;
    // The REST proxy event (payload 1.0) for `ctx`: a REQUEST authorizer's event is built from it.
    using EventBuilder = std::function<QJsonObject(const RequestContext &)>;

    LambdaAuthorization(auth::AuthorizerInvoker *invoker, EventBuilder requestEvent)
        : m_invoker(invoker), m_requestEvent(std::move(requestEvent)) {}

    // Calls `done` exactly once, maybe before returning.
    void run(const std::shared_ptr<RequestContext> &ctx, const auth::CompiledAuthorizer &authorizer, const QString &methodArn,
             Done done);

private:
    auth::AuthorizerInvoker *m_invoker;
    EventBuilder m_requestEvent;
};

} // namespace gw::pipeline
