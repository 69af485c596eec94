#include "jwtclaimcheck.h"

#include <QJsonArray>

namespace gw::auth {

QStringList grantedScopes(const QJsonObject &claims)
{
    QStringList out;
    for (const char *name : {"scope", "scp"}) {
        const QJsonValue v = claims.value(QLatin1String(name));
        if (v.isString())
            out += v.toString().split(QLatin1Char(' '), Qt::SkipEmptyParts);
        else
            for (const QJsonValue &s : v.toArray())
                out.append(s.toString());
    }
    return out;
}

static bool audienceMatches(const QJsonObject &claims, const QStringList &audience)
{
    const QJsonValue aud = claims.value(QLatin1String("aud"));
    QStringList presented;
    if (aud.isString())
        presented.append(aud.toString());
    for (const QJsonValue &a : aud.toArray())
        presented.append(a.toString());
    // Access tokens (Cognito, many OIDC providers) name the client in client_id instead of aud.
    if (const QJsonValue clientId = claims.value(QLatin1String("client_id")); clientId.isString())
        presented.append(clientId.toString());
    for (const QString &p : presented)
        if (audience.contains(p))
            return true;
    return false;
}

JwtClaimCheck checkJwtClaims(const QJsonObject &claims, const JwtRequirements &req, qint64 now)
{
    JwtClaimCheck out;
    const auto invalid = [&out](const QString &reason) {
        out.failure = JwtClaimCheck::Failure::Invalid;
        out.reason = reason;
        return out;
    };
    const QJsonValue exp = claims.value(QLatin1String("exp"));
    if (!exp.isDouble())
        return invalid(QStringLiteral("the token has no valid exp claim"));
    if (qint64(exp.toDouble()) + kJwtClockSkewSeconds < now)
        return invalid(QStringLiteral("the token has expired"));
    if (const QJsonValue nbf = claims.value(QLatin1String("nbf")); nbf.isDouble() && qint64(nbf.toDouble()) - kJwtClockSkewSeconds > now)
        return invalid(QStringLiteral("the token is not valid yet"));
    if (const QJsonValue iat = claims.value(QLatin1String("iat")); iat.isDouble() && qint64(iat.toDouble()) - kJwtClockSkewSeconds > now)
        return invalid(QStringLiteral("the token was issued in the future"));
    if (!req.issuers.isEmpty() && !req.issuers.contains(claims.value(QLatin1String("iss")).toString()))
        return invalid(QStringLiteral("the token does not have a valid issuer"));
    if (!req.audience.isEmpty() && !audienceMatches(claims, req.audience))
        return invalid(QStringLiteral("the token does not have a valid audience"));
    if (!req.tokenUse.isEmpty() && claims.value(QLatin1String("token_use")).toString() != req.tokenUse)
        return invalid(QStringLiteral("the token is not an %1 token").arg(req.tokenUse));
    out.grantedScopes = grantedScopes(claims);
    if (!req.scopes.isEmpty()) {
        bool any = false;
        for (const QString &s : req.scopes)
            any = any || out.grantedScopes.contains(s);
        if (!any) {
            out.failure = JwtClaimCheck::Failure::InsufficientScope;
            out.reason = QStringLiteral("the token does not have a valid scope");
        }
    }
    return out;
}

} // namespace gw::auth
