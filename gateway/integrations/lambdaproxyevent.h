#pragma once

#include <QByteArray>
#include <QJsonObject>

namespace gw::pipeline {
struct RequestContext;
}

namespace gw::integrations {

// The Lambda proxy event, payload format 1.0 (REST AWS_PROXY; reference §3.2): the method
// request as the client sent it (integration request parameters do not apply), single- and
// multi-value headers and query strings (null when absent), raw path parameters, stage
// variables, the body (base64 when its Content-Type is a binary media type) and requestContext.
QJsonObject lambdaProxyEvent(const pipeline::RequestContext &ctx);

// Whether a Content-Type or Accept value matches one of the API's binaryMediaTypes
// (exact, type/*, or */*), compared without parameters and case-insensitively.
bool matchesBinaryMediaType(const QByteArray &mediaType, const QStringList &binaryMediaTypes);

} // namespace gw::integrations
