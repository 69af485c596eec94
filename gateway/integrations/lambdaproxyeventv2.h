#pragma once

#include "gateway/core/httpmessage.h"

#include <QByteArray>
#include <QJsonObject>
#include <QStringList>

#include <optional>

namespace gw::pipeline {
struct RequestContext;
}

namespace gw::integrations {

// HTTP APIs' Lambda proxy event, payload format 2.0 (reference §16.3): version, routeKey,
// rawPath, rawQueryString, cookies (only when present), headers with lower-case names and
// duplicates comma-joined (cookies removed), queryStringParameters comma-joined,
// requestContext{accountId, apiId, domainName, domainPrefix, http{method, path, protocol,
// sourceIp, userAgent}, requestId, routeKey, stage, time, timeEpoch}, body, pathParameters,
// isBase64Encoded, stageVariables. Keys without a value are left out.
QJsonObject lambdaProxyEventV2(const pipeline::RequestContext &ctx);

// Reads a 2.0 response: JSON without statusCode is the body of a 200 with content-type
// application/json; otherwise {statusCode, headers, cookies, body, isBase64Encoded}.
// nullopt for malformed output (HTTP APIs answer 500 Internal Server Error).
std::optional<HttpResponse> parseLambdaProxyResponseV2(const QByteArray &payload);

} // namespace gw::integrations
