#pragma once

#include "upstreamerror.h"

#include <QByteArray>
#include <QString>

namespace gw::upstream {

// What API Gateway answers when an HTTP / HTTP_PROXY integration's endpoint fails
// (reference §3.5 and the gateway-response table §10): the status and {"message": ...} the
// client sees, the gateway response type that customises it, and the execution-log line.
struct AwsIntegrationError
{
    int status = 500;
    QByteArray responseType; // e.g. INTEGRATION_TIMEOUT
    QString message;         // the body's "message"
    QString logMessage;      // "Execution failed due to ..."

    static AwsIntegrationError from(const UpstreamError &error);
};

} // namespace gw::upstream
