#pragma once

#include "policyeffect.h"

#include <QJsonObject>

namespace gw::auth {

// Evaluates a Lambda authorizer's policyDocument for `execute-api:Invoke` on `methodArn`:
// statements whose Action covers execute-api:Invoke and whose Resource (or NotResource) matches.
// A cached policy is evaluated again for every request, against that request's ARN.
PolicyEffect evaluateIdentityPolicy(const QJsonObject &policyDocument, const QString &methodArn);

// Whether a statement's Action (string or list) covers execute-api:Invoke.
bool actionCoversInvoke(const QJsonValue &action);
// String or list of strings.
QStringList stringOrList(const QJsonValue &value);

} // namespace gw::auth
