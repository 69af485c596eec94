#pragma once

#include "authoutcome.h"

#include "gateway/auth/compiledauthorizer.h"
#include "gateway/auth/jwksfetcher.h"
#include "gateway/auth/jwt.h"

#include <functional>
#include <memory>

namespace gw::pipeline {

// Verifies a bearer JWT for COGNITO_USER_POOLS (reference §5.5) and HTTP API JWT (§16.5)
// authorizers: signature with the issuer's keys (fetched once and shared through the JwksStore;
// fetched again when a token names an unknown kid), then exp/nbf/iat, iss, aud or client_id,
// token_use (Cognito: id token without scopes, access token with them) and scopes.
// One instance per engine thread (it owns that thread's JWKS fetcher).
class JwtAuthorization
{
public:
    using Done = std::function<void(AuthOutcome)>;

    // Calls `done` exactly once, maybe before returning.
    void run(const std::shared_ptr<RequestContext> &ctx, const auth::CompiledAuthorizer &authorizer, Done done);

private:
    static AuthOutcome check(RequestContext &ctx, const auth::CompiledAuthorizer &a, const auth::Jwt &jwt, const auth::JwkSet &keys);

    auth::JwksFetcher m_fetcher;
};

} // namespace gw::pipeline
