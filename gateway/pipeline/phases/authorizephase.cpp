#include "authorizephase.h"

namespace gw::pipeline {

namespace {

const QString kPhase = QStringLiteral("authorizer");

PhaseResult deny(RequestContext &ctx, const QString &message, const QString &logLine)
{
    ctx.fail({QStringLiteral("ACCESS_DENIED"), message, false, logLine});
    return PhaseResult::Respond;
}

QString anonymousDenial(const QString &arn, bool explicitDeny)
{
    return QStringLiteral("User: anonymous is not authorized to perform: execute-api:Invoke on resource: %1%2")
        .arg(arn, explicitDeny ? QStringLiteral(" with an explicit deny") : QString());
}

bool isLoopback(const QHostAddress &address)
{
    bool mapped = false;
    const quint32 v4 = address.toIPv4Address(&mapped);
    return mapped ? QHostAddress(v4).isLoopback() : address.isLoopback();
}

} // namespace

PhaseResult AuthorizePhase::onRequest(const std::shared_ptr<RequestContext> &ctx, const Resume &resume)
{
    if (!ctx->deployment || !ctx->method || !ctx->deployment->auth)
        return PhaseResult::Continue;
    const auth::CompiledAuth &access = *ctx->deployment->auth;
    // The common case decides nothing (no resource policy, a public endpoint, no authorizer):
    // leave before the method ARN is built, which costs more than the rest of this phase.
    const QString &authorization = ctx->method->method.authorizationType;
    if (!access.resourcePolicy && ctx->api->endpointType != QLatin1String("PRIVATE")
        && (authorization.isEmpty() || authorization.compare(QLatin1String("NONE"), Qt::CaseInsensitive) == 0))
        return PhaseResult::Continue;
    const QString region = ctx->config ? ctx->config->aws.region : QStringLiteral("us-east-1");
    const QString arn = auth::methodArn(region, QStringLiteral("000000000000"), ctx->api->id, ctx->stage->name, ctx->httpMethod(),
                                        ctx->stagePath);

    // Step 5: any explicit Deny of the resource policy ends the request before authorizers run.
    auth::PolicyEffect policy = auth::PolicyEffect::Silent;
    const QHostAddress peer = ctx->request.peerAddress;
    if (access.resourcePolicy) {
        policy = access.resourcePolicy->evaluate(arn, peer);
        if (ctx->tracing())
            ctx->log(kPhase, QStringLiteral("Resource policy evaluation for %1 from %2: %3").arg(arn, peer.toString(),
                policy == auth::PolicyEffect::Deny ? QStringLiteral("explicit deny") : policy == auth::PolicyEffect::Allow ? QStringLiteral("allow") : QStringLiteral("no matching statement")));
        if (policy == auth::PolicyEffect::Deny)
            return deny(*ctx, anonymousDenial(arn, true), QStringLiteral("Execution failed: the resource policy denies %1").arg(arn));
    }
    if (ctx->api->endpointType == QLatin1String("PRIVATE") && !isLoopback(peer)
        && !(access.resourcePolicy && access.resourcePolicy->allowsSourceIpExplicitly(arn, peer)))
        return deny(*ctx, anonymousDenial(arn, false),
                    QStringLiteral("Execution failed: private API called from %1, which is neither loopback nor allowed by the resource policy").arg(peer.toString()));

    const model::Method &method = ctx->method->method;
    const QString type = method.authorizationType.toUpper();
    if (type == QLatin1String("AWS_IAM"))
        return m_iam.run(*ctx, policy, arn);
    if (type.isEmpty() || type == QLatin1String("NONE")) {
        // A policy without authorization needs its own Allow (reference §5.7: silent/silent denies).
        if (access.resourcePolicy && policy != auth::PolicyEffect::Allow)
            return deny(*ctx, anonymousDenial(arn, false), QStringLiteral("Execution failed: no resource policy statement allows %1").arg(arn));
        return PhaseResult::Continue;
    }

    const auth::CompiledAuthorizer *authorizer = access.authorizer(method.authorizerId);
    if (ctx->tracing())
        ctx->log(kPhase, QStringLiteral("Starting authorizer: %1 for request: %2").arg(method.authorizerId, ctx->requestId));
    if (!authorizer)
        return conclude(*ctx, AuthOutcome::make(AuthOutcome::Kind::ConfigurationError,
                                                QStringLiteral("the method's authorizer '%1' does not exist or did not compile").arg(method.authorizerId)),
                        policy, arn);

    // The authorizer may answer at once (cache hit, missing identity) or later: one callback for both.
    struct Pending
    {
        bool inCall = true;
        std::optional<AuthOutcome> outcome;
    };
    auto pending = std::make_shared<Pending>();
    auto done = [this, pending, ctx, resume, policy, arn](AuthOutcome outcome) {
        if (pending->inCall) {
            pending->outcome = std::move(outcome);
            return;
        }
        if (!ctx->finished)
            resume(conclude(*ctx, outcome, policy, arn));
    };
    if (authorizer->isLambda())
        m_lambda.run(ctx, *authorizer, arn, done);
    else
        m_jwt.run(ctx, *authorizer, done);
    pending->inCall = false;
    if (pending->outcome)
        return conclude(*ctx, *pending->outcome, policy, arn);
    return PhaseResult::Suspend;
}

PhaseResult AuthorizePhase::conclude(RequestContext &ctx, const AuthOutcome &o, auth::PolicyEffect policy, const QString &arn)
{
    using Kind = AuthOutcome::Kind;
    if (o.kind != Kind::Allow && o.kind != Kind::Silent)
        ctx.authorizerError = o.reason;
    switch (o.kind) {
    case Kind::Unauthorized:
        if (ctx.tracing())
            ctx.log(kPhase, QStringLiteral("Unauthorized request: %1 (%2)").arg(ctx.requestId, o.reason));
        ctx.fail({QStringLiteral("UNAUTHORIZED"), QStringLiteral("Unauthorized"), false, {}});
        return PhaseResult::Respond;
    case Kind::ConfigurationError:
        ctx.fail({QStringLiteral("AUTHORIZER_CONFIGURATION_ERROR"), {}, true,
                  QStringLiteral("Execution failed due to configuration error: %1").arg(o.reason)});
        return PhaseResult::Respond;
    case Kind::Failure:
        ctx.fail({QStringLiteral("AUTHORIZER_FAILURE"), QStringLiteral("Internal server error"), false,
                  QStringLiteral("Execution failed due to an authorizer failure: %1").arg(o.reason)});
        return PhaseResult::Respond;
    case Kind::InsufficientScope:
        return deny(ctx, QStringLiteral("Forbidden"), QStringLiteral("Execution failed: %1").arg(o.reason));
    case Kind::Deny:
        return deny(ctx, QStringLiteral("User is not authorized to access this resource with an explicit deny"),
                    QStringLiteral("The client is not authorized to perform this operation: the authorizer's policy denies %1").arg(arn));
    case Kind::Silent:
        // Reference §5.7: an authorizer that is silent on this ARN still passes when the resource
        // policy allows it.
        if (policy != auth::PolicyEffect::Allow)
            return deny(ctx, QStringLiteral("User is not authorized to access this resource"),
                        QStringLiteral("The client is not authorized to perform this operation: no statement of the authorizer's policy allows %1").arg(arn));
        break;
    case Kind::Allow:
        break;
    }
    ctx.authorizer = o.result;
    if (ctx.tracing())
        ctx.log(kPhase, QStringLiteral("Successfully completed authorizer execution"));
    return PhaseResult::Continue;
}

void AuthorizePhase::onResponse(RequestContext &ctx)
{
    // HTTP APIs tell a JWT client why its token failed (reference §16.5).
    if (!ctx.api || ctx.api->type != model::ApiType::Http || ctx.response.status != 401 || ctx.authorizerError.isEmpty()
        || !ctx.method || !ctx.deployment || !ctx.deployment->auth)
        return;
    const auth::CompiledAuthorizer *a = ctx.deployment->auth->authorizer(ctx.method->method.authorizerId);
    if (a && a->kind == auth::CompiledAuthorizer::Kind::Jwt) {
        QString description = ctx.authorizerError;
        description.replace(QLatin1Char('"'), QLatin1Char('\''));
        ctx.response.headers.set("www-authenticate",
                                 QStringLiteral("Bearer scope=\"\" error=\"invalid_token\" error_description=\"%1\"").arg(description).toUtf8());
    }
}

} // namespace gw::pipeline
