#pragma once

#include "identitysource.h"
#include "jwkset.h"
#include "jwtclaimcheck.h"

#include "gateway/model/api.h"
#include "gateway/model/diagnostic.h"

#include <QRegularExpression>
#include <QUrl>

#include <memory>

namespace gw::auth {

// Where a JWT authorizer gets the keys of one issuer.
struct JwtIssuer
{
    QString issuer;        // the iss value tokens must carry
    QUrl jwksUrl;          // http(s): fetched and cached in the JwksStore
    bool discovery = false; // jwksUrl is an OIDC discovery document whose jwks_uri holds the keys
};

// One authorizer compiled at deploy time: its kind, identity sources, validation regex, Lambda
// target and (JWT / Cognito) issuers and keys. Immutable; shared by all worker threads.
//
// Gatewright extensions (documented in docs/authorizers.md): a Lambda authorizer runs a project
// function (functionName, or the function named in a Lambda authorizerUri) or, when authorizerUri
// is an http(s) URL, is that endpoint: the event is POSTed to it as JSON and its JSON answer is the
// authorizer's output (401 answers count as "Unauthorized"). JWT and Cognito authorizers take
// their keys from `jwks` (inline), `jwksUri` (http(s) URL, or a file path relative to the project),
// else from the issuer (Cognito: {issuer}/.well-known/jwks.json; JWT: OIDC discovery).
struct CompiledAuthorizer
{
    enum class Kind { Token, Request, CognitoUserPools, Jwt };

    model::Authorizer definition;
    Kind kind = Kind::Token;
    QList<IdentitySource> identitySources;
    QRegularExpression validation;    // anchored; invalid/empty: no check
    bool hasValidation = false;
    int ttlSeconds = 300;
    // Lambda authorizers
    QString functionName;
    QUrl endpointUrl;
    bool httpApi = false;            // an HTTP API's authorizer: every identity source is required
    bool payloadV2 = false;          // HTTP API: the 2.0 event (reference §16.6)
    bool simpleResponses = false;    // HTTP API 2.0: {"isAuthorized": bool, "context": {...}}
    // JWT and Cognito authorizers
    QList<JwtIssuer> issuers;
    QStringList audience;
    std::shared_ptr<const JwkSet> staticKeys;  // inline or file JWKS: no fetching
    QStringList allowedAlgorithms;

    bool isLambda() const { return kind == Kind::Token || kind == Kind::Request; }
};

struct AuthCompileInput
{
    QString apiId;
    QString region = QStringLiteral("us-east-1");
    QString accountId = QStringLiteral("000000000000");
    QString projectDir;  // anchors relative JWKS file paths
    bool httpApi = false;
};

// Null with diagnostics (at `path`.authorizers[i]...) when the authorizer cannot serve.
std::shared_ptr<const CompiledAuthorizer> compileAuthorizer(const model::Authorizer &a, const AuthCompileInput &input,
                                                            model::Diagnostics *diagnostics, const QString &path);

// The key set of the JWKS file a JWT / Cognito authorizer names (jwksUri, relative to
// `projectDir`); its refused keys and warnings reported at `path`.jwksUri. Null (with a
// diagnostic) when the file cannot be read or is not a JWKS.
std::optional<JwkSet> readJwksFile(const model::Authorizer &a, const QString &projectDir, model::Diagnostics *diagnostics,
                                   const QString &path);
// The same for every authorizer of a design (`path` is the design's), so that `check` reports a
// bad key file before anything is deployed.
void checkJwksFiles(const model::ApiDefinition &definition, const QString &projectDir, model::Diagnostics *diagnostics,
                    const QString &path);

// The issuer URL of a Cognito user pool ARN (arn:aws:cognito-idp:{region}:{account}:userpool/{id}).
QString cognitoIssuer(const QString &userPoolArn);

} // namespace gw::auth
