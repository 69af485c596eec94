#include "jwtauthorization.h"

#include "identityvalues.h"

#include "gateway/core/jsonutil.h"

#include <QDateTime>

namespace gw::pipeline {

namespace {

const QString kPhase = QStringLiteral("authorizer");

AuthOutcome unauthorized(const QString &reason)
{
    return AuthOutcome::make(AuthOutcome::Kind::Unauthorized, reason);
}

// $context.authorizer.claims.* and the proxy events show claim values as strings.
QJsonObject stringifiedClaims(const QJsonObject &claims)
{
    QJsonObject out;
    for (auto it = claims.begin(); it != claims.end(); ++it) {
        const QJsonValue v = it.value();
        if (v.isString())
            out.insert(it.key(), v);
        else if (v.isDouble())
            out.insert(it.key(), QString::number(v.toDouble(), 'g', 15));
        else if (v.isBool())
            out.insert(it.key(), v.toBool() ? QStringLiteral("true") : QStringLiteral("false"));
        else
            out.insert(it.key(), QString::fromUtf8(gw::toCompactJson(v)));
    }
    return out;
}

} // namespace

AuthOutcome JwtAuthorization::check(RequestContext &ctx, const auth::CompiledAuthorizer &a, const auth::Jwt &jwt, const auth::JwkSet &keys)
{
    QString error;
    const auth::Jwk *key = keys.find(jwt.keyId(), jwt.algorithm(), &error);
    if (!key)
        return unauthorized(error);
    if (!jwt.verify(*key, &error))
        return unauthorized(QStringLiteral("the token's signature is invalid: %1").arg(error));
    auth::JwtRequirements req;
    for (const auth::JwtIssuer &i : a.issuers)
        req.issuers.append(i.issuer);
    req.audience = a.audience;
    req.scopes = ctx.method->method.authorizationScopes;
    const bool cognito = a.kind == auth::CompiledAuthorizer::Kind::CognitoUserPools;
    if (cognito)
        req.tokenUse = req.scopes.isEmpty() ? QStringLiteral("id") : QStringLiteral("access");
    const auth::JwtClaimCheck result = auth::checkJwtClaims(jwt.claims(), req, QDateTime::currentSecsSinceEpoch());
    if (result.failure == auth::JwtClaimCheck::Failure::Invalid)
        return unauthorized(result.reason);
    // Cognito answers a missing scope with 401 (reference §5.5); HTTP APIs with 403 (§16.5).
    if (result.failure == auth::JwtClaimCheck::Failure::InsufficientScope)
        return cognito ? unauthorized(result.reason) : AuthOutcome::make(AuthOutcome::Kind::InsufficientScope, result.reason);
    // Cognito: the validation expression applies to the ID token's audience.
    if (cognito && a.hasValidation && req.tokenUse == QLatin1String("id")
        && !a.validation.match(jwt.claims().value(QLatin1String("aud")).toString()).hasMatch())
        return unauthorized(QStringLiteral("the token's audience does not match the identity validation expression"));
    AuthOutcome o = AuthOutcome::make(AuthOutcome::Kind::Allow);
    o.result.principalId = jwt.claims().value(QLatin1String("sub")).toString();
    o.result.claims = stringifiedClaims(jwt.claims());
    o.result.scopes = result.grantedScopes;
    if (ctx.tracing())
        ctx.log(kPhase, QStringLiteral("Token verified for principal: %1 (issuer %2)")
                            .arg(o.result.principalId, jwt.claims().value(QLatin1String("iss")).toString()));
    return o;
}

void JwtAuthorization::run(const std::shared_ptr<RequestContext> &ctx, const auth::CompiledAuthorizer &a, Done done)
{
    QString raw = identityValues(*ctx, a.identitySources).value(0).trimmed();
    if (raw.startsWith(QLatin1String("Bearer "), Qt::CaseInsensitive))
        raw = raw.mid(7).trimmed();
    if (raw.isEmpty())
        return done(unauthorized(QStringLiteral("the request has no token in %1").arg(a.identitySources.value(0).text)));
    QString error;
    const auto jwt = auth::Jwt::parse(raw.toLatin1(), &error);
    if (!jwt)
        return done(unauthorized(error));
    if (!a.allowedAlgorithms.contains(jwt->algorithm()))
        return done(unauthorized(QStringLiteral("the token's signing algorithm '%1' is not supported").arg(jwt->algorithm())));
    if (a.staticKeys)
        return done(check(*ctx, a, *jwt, *a.staticKeys));

    const QString iss = jwt->claims().value(QLatin1String("iss")).toString();
    const auth::JwtIssuer *issuer = nullptr;
    for (const auth::JwtIssuer &i : a.issuers)
        if (i.issuer == iss)
            issuer = &i;
    if (!issuer)
        return done(unauthorized(QStringLiteral("the token does not have a valid issuer")));
    const std::shared_ptr<auth::AuthCaches> caches = ctx->config ? ctx->config->authCaches : nullptr;
    if (!caches)
        return done(AuthOutcome::make(AuthOutcome::Kind::Failure, QStringLiteral("no key cache")));
    const QString url = issuer->jwksUrl.toString();
    const QString kid = jwt->keyId();
    if (!caches->jwks.needsFetch(url, kid, QDateTime::currentMSecsSinceEpoch()))
        return done(check(*ctx, a, *jwt, *caches->jwks.keys(url)));

    if (ctx->tracing())
        ctx->log(kPhase, QStringLiteral("Fetching the issuer's keys from %1").arg(url));
    // The authorizer lives in the deployment, which the request holds: capture it by pointer.
    const auth::CompiledAuthorizer *authorizer = &a;
    m_fetcher.fetch(issuer->jwksUrl, issuer->discovery, [ctx, authorizer, jwt = *jwt, caches, url, kid, done](auth::JwksFetcher::Result r) {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        if (!r.keys) {
            // Keys fetched earlier still serve when a refresh fails.
            if (auto old = caches->jwks.keys(url))
                return done(check(*ctx, *authorizer, jwt, *old));
            return done(AuthOutcome::make(AuthOutcome::Kind::Failure, r.error));
        }
        caches->jwks.store(url, r.keys, now);
        if (!kid.isEmpty() && !r.keys->contains(kid))
            caches->jwks.noteMissingKid(url, kid, now);
        done(check(*ctx, *authorizer, jwt, *r.keys));
    });
}

} // namespace gw::pipeline
