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
};

// Null with `error` set when the output is not what API Gateway accepts: not a JSON object, no
// policyDocument, or a context value that is an object or array (AWS: 500, configuration error).
std::optional<AuthorizerOutput> parseAuthorizerOutput(const QByteArray &json, QString *error);

} // namespace gw::auth
