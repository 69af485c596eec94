#pragma once

#include "iamauthorization.h"
#include "jwtauthorization.h"
#include "lambdaauthorization.h"

#include "gateway/pipeline/phase.h"

namespace gw::pipeline {

// Access control in AWS's order (reference §1 steps 5–7): the resource policy's explicit Deny
// first, then the method's authorizer (Lambda TOKEN/REQUEST, Cognito user pool, HTTP API JWT),
// then the resource policy combined with the authorizer's decision as in §5.7's table. Fills
// ctx->authorizer on success. Suspends while an authorizer function, HTTP authorizer or JWKS
// fetch runs. AWS_IAM methods and routes verify SigV4 against the project's IAM identities
// (IamAuthorization).
//
// PRIVATE endpoints are emulated as "loopback plus the ranges the resource policy allows": a
// client that is not on loopback needs an Allow statement with an aws:SourceIp IpAddress
// condition that covers it.
// One instance per engine thread.
class AuthorizePhase final : public Phase
{
public:
    AuthorizePhase(auth::AuthorizerInvoker *invoker, LambdaAuthorization::EventBuilder requestEvent,
                   LambdaAuthorization::EventBuilder requestEventV2)
        : m_lambda(invoker, std::move(requestEvent), std::move(requestEventV2)) {}

    const char *name() const override { return "authorize"; }
    PhaseResult onRequest(const std::shared_ptr<RequestContext> &ctx, const Resume &resume) override;
    void onResponse(RequestContext &ctx) override;

private:
    PhaseResult conclude(RequestContext &ctx, const AuthOutcome &outcome, auth::PolicyEffect policy, const QString &arn);

    LambdaAuthorization m_lambda;
    JwtAuthorization m_jwt;
    IamAuthorization m_iam;
};

} // namespace gw::pipeline
