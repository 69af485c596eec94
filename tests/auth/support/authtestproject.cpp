#include "authtestproject.h"

#include "lambdatestproject.h"
#include "testproject.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace gwtest {

using namespace gw::model;

Authorizer lambdaAuthorizer(const QString &id, const QString &type, const QString &function, int ttlSeconds, const QString &identitySource)
{
    Authorizer a;
    a.id = id;
    a.name = id;
    a.type = type;
    a.functionName = function;
    a.resultTtlInSeconds = ttlSeconds;
    a.identitySource = identitySource;
    return a;
}

Authorizer cognitoAuthorizer(const QString &id, const QString &issuer)
{
    Authorizer a;
    a.id = id;
    a.name = id;
    a.type = QStringLiteral("COGNITO_USER_POOLS");
    a.providerArns = {QStringLiteral("arn:aws:cognito-idp:us-east-1:000000000000:userpool/us-east-1_test")};
    a.issuer = issuer;
    return a;
}

Authorizer jwtAuthorizer(const QString &id, const QString &issuer, const QStringList &audience)
{
    Authorizer a;
    a.id = id;
    a.name = id;
    a.type = QStringLiteral("JWT");
    a.identitySource = QStringLiteral("$request.header.Authorization");
    a.issuer = issuer;
    a.audience = audience;
    return a;
}

Method guarded(Method method, const QString &authorizationType, const QString &authorizerId, const QStringList &scopes)
{
    method.authorizationType = authorizationType;
    method.authorizerId = authorizerId;
    method.authorizationScopes = scopes;
    return method;
}

QByteArray policyOutput(const QString &principal, const QString &effect, const QString &resource, const QJsonObject &context)
{
    QJsonObject out{
        {QStringLiteral("principalId"), principal},
        {QStringLiteral("policyDocument"),
         QJsonObject{{QStringLiteral("Version"), QStringLiteral("2012-10-17")},
                     {QStringLiteral("Statement"), QJsonArray{QJsonObject{{QStringLiteral("Action"), QStringLiteral("execute-api:Invoke")},
                                                                         {QStringLiteral("Effect"), effect},
                                                                         {QStringLiteral("Resource"), resource}}}}}}};
    if (!context.isEmpty())
        out.insert(QStringLiteral("context"), context);
    return QJsonDocument(out).toJson(QJsonDocument::Compact);
}

Method authorizerEchoMethod(const QString &verb)
{
    return lambdaProxyMethod(verb, QStringLiteral("authecho"));
}

Function authorizerEchoFunction()
{
    return jsFunction(QStringLiteral("authecho"), QStringLiteral(
        "exports.handler = async (event) => {\n"
        "  const a = event.requestContext.authorizer || {};\n"
        "  const c = a.claims || {};\n"
        "  return { statusCode: 200, body: JSON.stringify({ principal: a.principalId || '', tier: a.tier || '', n: a.n || '',\n"
        "    role: a.role || '', sub: c.sub || '', email: c.email || '' }) };\n"
        "};"));
}

} // namespace gwtest
