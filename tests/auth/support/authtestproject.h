#pragma once

#include "gateway/model/project.h"

#include <QByteArray>

namespace gwtest {

// Builders for authorizer test projects.
gw::model::Authorizer lambdaAuthorizer(const QString &id, const QString &type, const QString &function, int ttlSeconds = 300,
                                       const QString &identitySource = QStringLiteral("method.request.header.Authorization"));
// A Cognito user-pool authorizer whose pool is a local stand-in at `issuer` (keys from
// {issuer}/.well-known/jwks.json).
gw::model::Authorizer cognitoAuthorizer(const QString &id, const QString &issuer);
// An HTTP API JWT authorizer for `issuer` (keys through OIDC discovery) accepting `audience`.
gw::model::Authorizer jwtAuthorizer(const QString &id, const QString &issuer, const QStringList &audience);
// `method` guarded by the authorizer (CUSTOM, COGNITO_USER_POOLS or JWT).
gw::model::Method guarded(gw::model::Method method, const QString &authorizationType, const QString &authorizerId,
                          const QStringList &scopes = {});
// A Lambda authorizer's output: `effect` on `resource`, with an optional context.
QByteArray policyOutput(const QString &principal, const QString &effect, const QString &resource, const QJsonObject &context = {});
// A Lambda proxy method on authorizerEchoFunction(): its 200 body shows what the proxy event's
// requestContext.authorizer holds ({principal, tier, n, sub, email, role}; absent: "").
gw::model::Method authorizerEchoMethod(const QString &verb);
gw::model::Function authorizerEchoFunction();

} // namespace gwtest
