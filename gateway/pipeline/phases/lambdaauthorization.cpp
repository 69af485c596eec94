#include "lambdaauthorization.h"

#include "identityvalues.h"

#include "gateway/auth/identitypolicy.h"
#include "gateway/core/jsonutil.h"
#include "gateway/observe/secretmask.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

namespace gw::pipeline {

namespace {

const QString kPhase = QStringLiteral("authorizer");
// API Gateway gives up on a REST authorizer after about 10 s (HTTP APIs document 10 s; REST is
// unverified): the same bound here, whatever the function's own timeout.
constexpr int kAuthorizerTimeoutMs = 10000;

AuthOutcome fromOutput(RequestContext &ctx, const auth::AuthorizerOutput &out, const QString &arn)
{
    const auth::PolicyEffect effect = out.isAuthorized ? (*out.isAuthorized ? auth::PolicyEffect::Allow : auth::PolicyEffect::Deny)
                                                       : auth::evaluateIdentityPolicy(out.policyDocument, arn);
    AuthOutcome o = AuthOutcome::make(effect == auth::PolicyEffect::Allow  ? AuthOutcome::Kind::Allow
                                      : effect == auth::PolicyEffect::Deny ? AuthOutcome::Kind::Deny
                                                                           : AuthOutcome::Kind::Silent);
    o.result.principalId = out.principalId;
    o.result.context = out.context;
    o.result.usageIdentifierKey = out.usageIdentifierKey;
    if (ctx.tracing())
        ctx.log(kPhase, QStringLiteral("Using valid authorizer policy for principal: %1").arg(out.principalId));
    return o;
}

QString masked(const QString &secret)
{
    return QString::fromUtf8(observe::maskSecret(secret.toUtf8()));
}

} // namespace

QJsonObject LambdaAuthorization::event(const RequestContext &ctx, const auth::CompiledAuthorizer &a, const QStringList &values,
                                       const QString &arn) const
{
    if (a.kind == auth::CompiledAuthorizer::Kind::Token)
        return {{QStringLiteral("type"), QStringLiteral("TOKEN")}, {QStringLiteral("authorizationToken"), values[0]},
                {QStringLiteral("methodArn"), arn}};
    QJsonObject e = a.payloadV2 ? m_requestEventV2(ctx) : m_requestEvent(ctx);
    e.remove(QStringLiteral("body"));
    e.remove(QStringLiteral("isBase64Encoded"));
    e.insert(QStringLiteral("type"), QStringLiteral("REQUEST"));
    if (a.payloadV2) {
        e.insert(QStringLiteral("routeArn"), arn);
        e.insert(QStringLiteral("identitySource"), QJsonArray::fromStringList(values));
    } else {
        e.insert(QStringLiteral("methodArn"), arn);
        if (a.httpApi) {
            // HTTP APIs' payload 1.0: the REST event plus the version, and the identity values
            // comma-joined in both identitySource and authorizationToken (reference §16.6).
            const QString joined = values.join(QLatin1Char(','));
            e.insert(QStringLiteral("version"), QStringLiteral("1.0"));
            e.insert(QStringLiteral("identitySource"), joined);
            e.insert(QStringLiteral("authorizationToken"), joined);
        }
    }
    return e;
}

void LambdaAuthorization::run(const std::shared_ptr<RequestContext> &ctx, const auth::CompiledAuthorizer &a, const QString &arn,
                              Done done)
{
    const bool token = a.kind == auth::CompiledAuthorizer::Kind::Token;
    const QStringList values = identityValues(*ctx, a.identitySources);
    if (ctx->tracing())
        ctx->log(kPhase, QStringLiteral("Incoming identity: %1").arg(token ? masked(values.value(0)) : QStringLiteral("[%1 sources]").arg(values.size())));
    if (token && values.value(0).isEmpty())
        return done(AuthOutcome::make(AuthOutcome::Kind::Unauthorized, QStringLiteral("identity source %1 is missing").arg(a.identitySources[0].text)));
    if (token && a.hasValidation && !a.validation.match(values[0]).hasMatch())
        return done(AuthOutcome::make(AuthOutcome::Kind::Unauthorized, QStringLiteral("the token does not match the identity validation expression")));
    // HTTP APIs need every identity source; REST ones only while caching is on (§5.2, §16.6).
    if (!token && (a.ttlSeconds > 0 || a.httpApi))
        for (qsizetype i = 0; i < values.size(); ++i)
            if (values[i].isEmpty())
                return done(AuthOutcome::make(AuthOutcome::Kind::Unauthorized, QStringLiteral("identity source %1 is missing").arg(a.identitySources[i].text)));

    // Authorizer ids are only unique within an API, and AWS keeps one cache per stage.
    const QString scope = ctx->api->id + QLatin1Char('/') + ctx->stage->name + QLatin1Char('/') + a.definition.id;
    const QString cacheKey = token ? values[0] : values.join(QChar(0x1f));
    const std::shared_ptr<auth::AuthCaches> caches = ctx->config ? ctx->config->authCaches : nullptr;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (a.ttlSeconds > 0 && caches) {
        if (auto cached = caches->results.find(scope, cacheKey, now)) {
            if (ctx->tracing())
                ctx->log(kPhase, QStringLiteral("Authorizer result found in cache (TTL %1 s)").arg(a.ttlSeconds));
            return done(fromOutput(*ctx, *cached, arn));
        }
    }

    const QJsonObject event = this->event(*ctx, a, values, arn);
    const model::Function *function = nullptr;
    if (!a.functionName.isEmpty()) {
        function = ctx->config ? ctx->config->function(a.functionName) : nullptr;
        if (!function)
            return done(AuthOutcome::make(AuthOutcome::Kind::ConfigurationError, QStringLiteral("Function not found: %1").arg(a.functionName)));
    }
    const QByteArray eventJson = gw::toCompactJson(event);
    if (ctx->tracing()) {
        const QString target = function ? QStringLiteral("lambda:%1").arg(function->name) : a.endpointUrl.toString();
        QJsonObject shown = event;
        if (token)
            shown.insert(QStringLiteral("authorizationToken"), masked(values[0]));
        ctx->log(kPhase, QStringLiteral("Endpoint request URI: %1").arg(target));
        ctx->log(kPhase, QStringLiteral("Endpoint request body after transformations: %1").arg(ctx->traceBody(gw::toCompactJson(shown))));
        ctx->log(kPhase, QStringLiteral("Sending request to %1").arg(target));
    }
    const int ttl = a.ttlSeconds;
    const QString id = scope;
    const bool v2 = a.payloadV2, simple = a.simpleResponses;
    m_invoker->invoke(function, a.endpointUrl, eventJson, ctx->requestId, kAuthorizerTimeoutMs,
                      [ctx, done, arn, ttl, id, cacheKey, caches, v2, simple](auth::AuthorizerInvoker::Result r) {
        if (ctx->tracing()) {
            for (const QString &line : r.logs)
                ctx->log(QStringLiteral("function"), line);
            ctx->log(kPhase, QStringLiteral("Authorizer result body before parsing: %1").arg(ctx->traceBody(r.payload)));
        }
        if (r.unauthorized)
            return done(AuthOutcome::make(AuthOutcome::Kind::Unauthorized, QStringLiteral("the authorizer answered Unauthorized")));
        if (!r.error.isEmpty())
            return done(AuthOutcome::make(AuthOutcome::Kind::ConfigurationError, r.timedOut ? QStringLiteral("Authorizer timed out: %1").arg(r.error)
                                                                                             : QStringLiteral("Authorizer error: %1").arg(r.error)));
        QString error;
        auto output = v2 ? auth::parseAuthorizerOutputV2(r.payload, simple, &error) : auth::parseAuthorizerOutput(r.payload, &error);
        if (!output)
            return done(AuthOutcome::make(AuthOutcome::Kind::ConfigurationError, error));
        auto shared = std::make_shared<const auth::AuthorizerOutput>(std::move(*output));
        if (ttl > 0 && caches)
            caches->results.store(id, cacheKey, shared, QDateTime::currentMSecsSinceEpoch(), qint64(ttl) * 1000);
        done(fromOutput(*ctx, *shared, arn));
    });
}

} // namespace gw::pipeline
