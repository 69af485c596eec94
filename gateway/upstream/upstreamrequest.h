#pragma once

#include "gateway/core/headerlist.h"

#include <QByteArray>
#include <QUrl>

namespace gw::upstream {

// One request to an HTTP(S) endpoint, as an integration hands it to the UpstreamClient.
// The client frames the body itself: any Content-Length or Transfer-Encoding in `headers` is
// dropped and Content-Length is written from `body`. A Host header is added from the URL unless
// `headers` has one. `Connection: close` in `headers` keeps the connection out of the pool.
struct UpstreamRequest
{
    QByteArray method = QByteArrayLiteral("GET");
    QUrl url; // http or https
    HeaderList headers;
    QByteArray body;
    int connectTimeoutMs = 10000;
    // The whole exchange (queueing, connecting, sending, receiving): API Gateway's integration
    // timeout (timeoutInMillis), 29 s by default; values under 50 ms count as 50 ms, its minimum.
    int timeoutMs = 29000;
    // tlsConfig.insecureSkipVerification: accept any certificate of an https endpoint.
    bool insecureSkipVerification = false;
};

} // namespace gw::upstream
