#pragma once

#include "diagnostic.h"
#include "project.h"

namespace gw::model {

// Part of check(): the project's IAM identities — access key id and secret present, key ids
// unique, user names IAM accepts, and well-formed execute-api ARNs in allow / deny. Messages
// never quote a secret or a session token.
void checkIamIdentities(const Project &project, Diagnostics &out);

// Why `arn` is not an execute-api resource ARN (arn:aws:execute-api:{region}:{account}:{apiId}/
// {stage}/{METHOD}/{path}, IAM's * and ? wildcards allowed, or "*"); empty when it is one.
// Shared with the identity editor's form.
QString checkExecuteApiArn(const QString &arn);

} // namespace gw::model
