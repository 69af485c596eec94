#pragma once

#include "httpmessage.h"

#include <functional>

namespace gw {

// Called exactly once with the response, on the thread that received the request. The transport
// keeps it safe to call after the client has gone (the answer is then dropped), and writes
// answers of one connection in request order whatever order they complete in.
using ResponseCallback = std::function<void(HttpResponse)>;

// What a transport (listener) calls for every complete request it has read. It may answer at
// once or later (asynchronously) through the callback; it must not block.
using RequestHandler = std::function<void(HttpRequest, ResponseCallback)>;

} // namespace gw
