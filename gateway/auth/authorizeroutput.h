#pragma once

#include <QJsonObject>
#include <QString>

#include <optional>

namespace gw::auth {

// What a Lambda (TOKEN or REQUEST) authorizer returned (reference §5.3), checked and normalised:
// context values are stringified as $context.authorizer.<key> shows them ("1", "true").
// Immutable once parsed; cached and shared across threads.
struct AuthorizerOutput
{
    QString principalId;
    QJsonObject policyDocument;
    QJsonObject context;         // key → string
    QString usageIdentifierKey;
    std::optional<bool> isAuthorized;  // HTTP API simple responses: the verdict instead of a policy
};

// Null with `error` set when the output is not what API Gateway accepts: not a JSON object, no
// policyDocument, or a context value that is an object or array (AWS: 500, configuration error).
std::optional<AuthorizerOutput> parseAuthorizerOutput(const QByteArray &json, QString *error);
// HTTP API payload 2.0 (reference §16.6): the IAM-policy answer, or with `simple` the
// {"isAuthorized": bool, "context": {...}} answer; context values are kept as the function gave
// them (objects and arrays allowed) for requestContext.authorizer.lambda.
std::optional<AuthorizerOutput> parseAuthorizerOutputV2(const QByteArray &json, bool simple, QString *error);

} // namespace gw::auth
