#pragma once

#include "gateway/pipeline/phase.h"

namespace gw::pipeline {

// Finds the API, stage (with the canary draw), resource and method for a request, from either
// URL form: http://{apiId}.execute-api.localhost:PORT/{stage}/{path} (host-based, like AWS) or
// http://HOST:PORT/restapis/{apiId}/{stage}/_user_request_/{path} (LocalStack's form).
// Unknown API, stage, route or method: 403 Missing Authentication Token, as REST APIs answer.
class ResolvePhase final : public Phase
{
public:
    const char *name() const override { return "resolve"; }
    PhaseResult onRequest(const std::shared_ptr<RequestContext> &ctx, const Resume &) override;
};

// Splits a request into API id, stage and path below the stage; false when it names neither form.
struct StageAddress
{
    QString apiId;
    QString stage;
    QString path;    // raw, starts with '/', extra leading slashes dropped (what routing sees)
    QString rawPath; // as the client sent it below the stage ($context.path keeps it)
    QString domainName;
};
bool parseStageAddress(const QByteArray &host, const QByteArray &rawPath, StageAddress *out);

} // namespace gw::pipeline
