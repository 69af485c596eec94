#pragma once

#include <QString>

namespace gw::auth {

// The outcome of evaluating IAM-style statements for one request: an explicit Deny wins over any
// Allow; no matching statement at all is "silent" (an implicit deny unless another policy allows).
enum class PolicyEffect { Silent, Allow, Deny };

// IAM wildcard matching of a Resource/Action pattern: `*` any run of characters (including '/'),
// `?` any one character; case-sensitive, as ARNs are.
bool wildcardMatches(const QString &pattern, const QString &value);

// arn:aws:execute-api:{region}:{account}:{apiId}/{stage}/{VERB}/{path without leading slash}
QString methodArn(const QString &region, const QString &account, const QString &apiId, const QString &stage,
                  const QString &verb, const QString &path);

} // namespace gw::auth
