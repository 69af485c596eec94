#pragma once

#include <QString>
#include <QStringList>

namespace gw::pipeline {

struct RequestContext;

// API Gateway's gateway-response types with their default status, message and error type
// (reference §10).
struct GatewayResponseType
{
    const char *type;
    int status;            // 0 for DEFAULT_4XX / DEFAULT_5XX (keep the specific code)
    const char *message;
    const char *errorType; // x-amzn-ErrorType
};

const GatewayResponseType *gatewayResponseType(const QString &type);
QStringList gatewayResponseTypeNames();

// Fills ctx.response from ctx.error using the deployment's customisations: the type's own entry,
// else DEFAULT_4XX / DEFAULT_5XX, else the built-in default. The one place errors become responses.
void applyGatewayResponse(RequestContext &ctx);

} // namespace gw::pipeline
