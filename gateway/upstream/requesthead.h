#pragma once

#include "upstreamendpoint.h"
#include "upstreamrequest.h"

#include <QByteArray>
#include <QString>

namespace gw::upstream {

// The request line and headers of an upstream request, serialized once so the whole request
// (with a small body) leaves in one write. Refuses what would let a header value smuggle a second
// request onto the connection (CR, LF, NUL) or break the request line.
struct RequestHead
{
    QByteArray bytes;
    bool closeAfter = false; // the caller sent Connection: close

    // False (and `error` set) when the method, target or a header can't be sent as is.
    static bool build(const UpstreamRequest &request, const UpstreamEndpoint &endpoint, RequestHead *head, QString *error);
};

// GET, HEAD, OPTIONS, TRACE, PUT and DELETE (RFC 9110 9.2.2): safe to send again after a reused
// connection turned out to be closed.
bool isIdempotentMethod(const QByteArray &method);

} // namespace gw::upstream
