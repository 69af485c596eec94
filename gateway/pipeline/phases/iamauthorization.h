#pragma once

#include "gateway/auth/policyeffect.h"
#include "gateway/pipeline/phase.h"

namespace gw::pipeline {

// AWS_IAM methods (REST) and routes (HTTP APIs), reference §5.6: the request's SigV4 signature
// (Authorization header or presigned query string, service execute-api, the project's region) is
// verified against the project's IAM identities, then the identity's allow / deny patterns decide
// execute-api:Invoke on the method ARN, combined with the resource policy as in §5.7's table.
// On success fills ctx.iamCaller ($context.identity.*). Synchronous; stateless.
class IamAuthorization {
public:
    PhaseResult run(RequestContext &ctx, auth::PolicyEffect resourcePolicy, const QString &methodArn) const;
};

} // namespace gw::pipeline
