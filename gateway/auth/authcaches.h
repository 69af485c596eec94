#pragma once

#include "authorizerresultcache.h"
#include "jwksstore.h"

namespace gw::auth {

// The mutable side of access control, shared by every worker thread of one deployed
// configuration: Lambda authorizer results and fetched key sets. Both members are thread-safe.
// A new deploy starts with empty caches (as a fresh API Gateway deployment flushes its
// authorizer cache).
struct AuthCaches
{
    AuthorizerResultCache results;
    JwksStore jwks;
};

} // namespace gw::auth
