#pragma once

#include "gateway/core/httpmessage.h"

#include <optional>

namespace gw::traffic {

// The bytes a cache entry keeps for a response: status, headers in order, body.
QByteArray encodeResponse(const HttpResponse &response);
std::optional<HttpResponse> decodeResponse(const QByteArray &bytes);

} // namespace gw::traffic
