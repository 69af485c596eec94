#pragma once

#include "api.h"

namespace gw::model {

// What the console's "Enable CORS" form asks for (reference §9.1).
struct CorsOptions
{
    QString allowOrigin = QStringLiteral("*");
    QString allowHeaders = QStringLiteral("Content-Type,X-Amz-Date,Authorization,X-Api-Key,X-Amz-Security-Token");
    QStringList allowMethods;     // empty: the resource's methods plus OPTIONS
    QString exposeHeaders;        // empty: not sent
    int maxAgeSeconds = -1;       // -1: not sent
    bool allowCredentials = false;
    bool gatewayResponses = false; // also on DEFAULT_4XX and DEFAULT_5XX
};

struct CorsResult
{
    QString error;                // empty on success: what is wrong and where
    QStringList changed;          // "OPTIONS /pets created", "GET /pets: Access-Control-Allow-Origin on 200", ...
    QStringList notes;            // what the user must do themselves (proxy integrations)
    bool ok() const { return error.isEmpty(); }
};

// Enables CORS on one resource of a REST API's design as the API Gateway console does: creates
// (or replaces) its OPTIONS method — authorization NONE, MOCK integration answering 200 with the
// Access-Control-Allow-Headers/Methods/Origin headers, an empty body — and adds
// Access-Control-Allow-Origin to the 200 response of the resource's other non-proxy methods
// (proxy integrations must send it from their backend). Not recursive, like the console.
CorsResult enableCors(Api &api, const QString &resourcePath, const CorsOptions &options = {});

} // namespace gw::model
