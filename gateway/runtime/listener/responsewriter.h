#pragma once

#include "gateway/core/httpmessage.h"

namespace gw::runtime {

// One response as wire bytes, built in one buffer so that it goes out in one write: status
// line, headers, Date (formatted once a second per thread), Content-Length, Connection: close
// when closing; no body for HEAD.
QByteArray serializeResponse(const HttpResponse &response, bool headRequest, bool close);

// A listener-level error answer (400/413/414/431/...) with API Gateway's JSON body.
HttpResponse listenerErrorResponse(int status, const QByteArray &message);

} // namespace gw::runtime
