#pragma once

#include "gateway/core/httpmessage.h"

#include <QJsonObject>
#include <QStringList>

namespace gw::traffic {

// An HTTP API's corsConfiguration (reference §9.2), compiled once at deploy time. When configured,
// the gateway answers preflights itself (route or not) and sets the CORS headers of every actual
// response, dropping the ones the integration returned.
// Choices where AWS is silent: a preflight answers 204; a preflight from a disallowed origin gets
// 204 without any Access-Control-* header (the browser then refuses); '*' in allowMethods or
// allowHeaders echoes what the preflight asks for; '*' in allowOrigins answers '*' unless
// allowCredentials is on (browsers refuse '*' with credentials), then the request's origin.
// Thread contract: immutable after construction.
class HttpCorsPolicy
{
public:
    static HttpCorsPolicy fromJson(const QJsonObject &corsConfiguration);

    static bool isPreflight(const HttpRequest &request);
    HttpResponse preflight(const HttpRequest &request) const;
    void decorate(const HttpRequest &request, HttpResponse &response) const;
    bool allowsOrigin(const QByteArray &origin) const;

private:
    QByteArray allowOriginValue(const QByteArray &origin) const;

    QList<QByteArray> m_origins;     // lower case
    bool m_anyOrigin = false;
    QByteArray m_methods;
    bool m_anyMethod = false;
    QByteArray m_headers;
    bool m_anyHeader = false;
    QByteArray m_exposeHeaders;
    int m_maxAge = -1;
    bool m_credentials = false;
};

} // namespace gw::traffic
