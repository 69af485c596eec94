#pragma once

#include "gateway/model/project.h"

namespace gwtest {

// Builders for Lambda test projects.
gw::model::Function jsFunction(const QString &name, const QString &code, int timeoutSeconds = 3);
gw::model::Function endpointFunction(const QString &name, const QString &url, int timeoutSeconds = 3);
// AWS_PROXY (POST) to the named function, through the full apigateway invocation ARN.
gw::model::Method lambdaProxyMethod(const QString &verb, const QString &function, int timeoutMs = 29000);
// AWS (non-proxy) to the named function.
gw::model::Method lambdaMethod(const QString &verb, const QString &function);

} // namespace gwtest
