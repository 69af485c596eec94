#pragma once

#include <QString>

namespace gw::integrations {

// The project function a Lambda integration URI names, or an empty string when it names none:
//   arn:aws:apigateway:{region}:lambda:path/2015-03-31/functions/{functionArn}/invocations
//   arn:aws:lambda:{region}:{account}:function:{name}[:{alias}]
//   {name}
// (an alias or version qualifier is ignored: a project function has one version).
QString lambdaFunctionName(const QString &uri);

// Whether an AWS integration URI invokes Lambda (as opposed to another AWS service).
bool isLambdaInvocationUri(const QString &uri);

} // namespace gw::integrations
