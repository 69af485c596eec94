#pragma once

#include <QJsonObject>
#include <QStringList>

namespace gw::auth {

// Clock skew tolerated on exp, nbf and iat. AWS documents none; 30 s covers machines whose
// clocks drift a little from the issuer's without keeping an expired token alive noticeably.
inline constexpr qint64 kJwtClockSkewSeconds = 30;

// What an authorizer demands of a token's claims, beyond its signature.
struct JwtRequirements
{
    QStringList issuers;     // empty: any issuer; else iss must be one of them
    QStringList audience;    // empty: any; else aud (string or array) or client_id must be listed
    QString tokenUse;        // Cognito: "id" or "access"; empty: not checked
    QStringList scopes;      // the method's authorizationScopes: one granted scope suffices
};

struct JwtClaimCheck
{
    enum class Failure { None, Invalid, InsufficientScope };
    Failure failure = Failure::None;
    QString reason;          // the error_description AWS puts in www-authenticate
    QStringList grantedScopes;
    bool ok() const { return failure == Failure::None; }
};

// Checks exp, nbf, iat, iss, aud/client_id, token_use and scopes against `nowSecs` (epoch seconds).
JwtClaimCheck checkJwtClaims(const QJsonObject &claims, const JwtRequirements &requirements, qint64 nowSecs);

// The scopes a token grants: "scope" (space separated) or "scp" (array or string).
QStringList grantedScopes(const QJsonObject &claims);

} // namespace gw::auth
