#include "httpcorspolicy.h"

#include <QJsonArray>

namespace gw::traffic {

static QStringList stringList(const QJsonValue &v)
{
    QStringList out;
    for (const QJsonValue &item : v.toArray())
        if (const QString s = item.toString().trimmed(); !s.isEmpty())
            out.append(s);
    return out;
}

HttpCorsPolicy HttpCorsPolicy::fromJson(const QJsonObject &json)
{
    HttpCorsPolicy p;
    for (const QString &o : stringList(json.value(QLatin1String("allowOrigins")))) {
        if (o == QLatin1String("*"))
            p.m_anyOrigin = true;
        else
            p.m_origins.append(o.toLower().toUtf8());
    }
    const QStringList methods = stringList(json.value(QLatin1String("allowMethods")));
    p.m_anyMethod = methods.contains(QStringLiteral("*"));
    p.m_methods = methods.join(QLatin1Char(',')).toUpper().toLatin1();
    const QStringList headers = stringList(json.value(QLatin1String("allowHeaders")));
    p.m_anyHeader = headers.contains(QStringLiteral("*"));
    p.m_headers = headers.join(QLatin1Char(',')).toLower().toLatin1();
    p.m_exposeHeaders = stringList(json.value(QLatin1String("exposeHeaders"))).join(QLatin1Char(',')).toLower().toLatin1();
    if (json.contains(QLatin1String("maxAge")))
        p.m_maxAge = json.value(QLatin1String("maxAge")).toInt(-1);
    p.m_credentials = json.value(QLatin1String("allowCredentials")).toBool();
    return p;
}

bool HttpCorsPolicy::isPreflight(const HttpRequest &request)
{
    return request.method == "OPTIONS" && request.headers.contains("Origin")
           && request.headers.contains("Access-Control-Request-Method");
}

bool HttpCorsPolicy::allowsOrigin(const QByteArray &origin) const
{
    return !origin.isEmpty() && (m_anyOrigin || m_origins.contains(origin.toLower()));
}

QByteArray HttpCorsPolicy::allowOriginValue(const QByteArray &origin) const
{
    return m_anyOrigin && !m_credentials ? QByteArray("*") : origin;
}

HttpResponse HttpCorsPolicy::preflight(const HttpRequest &request) const
{
    HttpResponse r;
    r.status = 204;
    const QByteArray origin = request.headers.value("Origin");
    if (!allowsOrigin(origin))
        return r;
    r.headers.append("access-control-allow-origin", allowOriginValue(origin));
    const QByteArray askedMethod = request.headers.value("Access-Control-Request-Method");
    const QByteArray methods = m_anyMethod ? askedMethod : m_methods;
    if (!methods.isEmpty())
        r.headers.append("access-control-allow-methods", methods);
    const QByteArray askedHeaders = request.headers.value("Access-Control-Request-Headers");
    const QByteArray headers = m_anyHeader ? askedHeaders : m_headers;
    if (!headers.isEmpty())
        r.headers.append("access-control-allow-headers", headers);
    if (m_maxAge >= 0)
        r.headers.append("access-control-max-age", QByteArray::number(m_maxAge));
    if (m_credentials)
        r.headers.append("access-control-allow-credentials", "true");
    if (!m_anyOrigin || m_credentials)
        r.headers.append("vary", "Origin");
    return r;
}

void HttpCorsPolicy::decorate(const HttpRequest &request, HttpResponse &response) const
{
    // The gateway's CORS headers replace the integration's (reference §9.2).
    QList<QByteArray> drop;
    for (const auto &h : response.headers)
        if (h.first.toLower().startsWith("access-control-"))
            drop.append(h.first);
    for (const QByteArray &name : std::as_const(drop))
        response.headers.remove(name);
    const QByteArray origin = request.headers.value("Origin");
    if (!allowsOrigin(origin))
        return;
    response.headers.append("access-control-allow-origin", allowOriginValue(origin));
    if (!m_exposeHeaders.isEmpty())
        response.headers.append("access-control-expose-headers", m_exposeHeaders);
    if (m_credentials)
        response.headers.append("access-control-allow-credentials", "true");
}

} // namespace gw::traffic
