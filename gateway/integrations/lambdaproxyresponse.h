#pragma once

#include "gateway/core/httpmessage.h"

#include <QStringList>

#include <optional>

namespace gw::integrations {

// Reads a Lambda proxy integration's output as API Gateway does (REST; reference §3.3):
// statusCode (number or numeric string, default 200), headers (string or boolean values),
// multiValueHeaders (lists, merged in front of a same-named single header), body (a string),
// isBase64Encoded (decoded only when the first Accept type is a binary media type), and a
// default Content-Type of application/json. Any other key or shape is malformed: nullopt,
// which the integration answers with 502 {"message": "Internal server error"}.
std::optional<HttpResponse> parseLambdaProxyResponse(const QByteArray &payload, const QByteArray &accept,
                                                     const QStringList &binaryMediaTypes);

} // namespace gw::integrations
