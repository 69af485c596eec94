#pragma once

#include <QString>

namespace gw {

// Identifiers shaped like API Gateway's: 10 lower-case alphanumerics for APIs and resources,
// 6 for deployments, a UUID for request ids.
QString newApiId();
QString newResourceId();
QString newDeploymentId();
QString newRequestId();
QString newExtendedRequestId();
// An X-Amzn-Trace-Id for a request received at `epochSeconds`: "Root=1-{8 hex}-{24 hex}".
QString newTraceHeader(qint64 epochSeconds);

} // namespace gw
