#include "httpmessage.h"

#include <QUrl>

namespace gw {

QByteArray HttpRequest::rawPath() const
{
    const auto q = target.indexOf('?');
    return q < 0 ? target : target.left(q);
}

QByteArray HttpRequest::rawQuery() const
{
    const auto q = target.indexOf('?');
    return q < 0 ? QByteArray() : target.mid(q + 1);
}

QByteArray HttpRequest::host() const
{
    QByteArray h = headers.value("host").trimmed().toLower();
    if (h.startsWith('[')) {
        const auto close = h.indexOf(']');
        return close < 0 ? h : h.left(close + 1);
    }
    const auto colon = h.lastIndexOf(':');
    return colon < 0 ? h : h.left(colon);
}

static QString decodeComponent(QByteArray part)
{
    part.replace('+', ' ');
    return QString::fromUtf8(QByteArray::fromPercentEncoding(part));
}

QList<QPair<QString, QString>> parseQueryString(const QByteArray &query)
{
    QList<QPair<QString, QString>> out;
    if (query.isEmpty())
        return out;
    for (const QByteArray &pair : query.split('&')) {
        if (pair.isEmpty())
            continue;
        const auto eq = pair.indexOf('=');
        if (eq < 0)
            out.append({decodeComponent(pair), QString()});
        else
            out.append({decodeComponent(pair.left(eq)), decodeComponent(pair.mid(eq + 1))});
    }
    return out;
}

QString methodString(const QByteArray &method)
{
    static const QString known[] = {QStringLiteral("GET"), QStringLiteral("POST"), QStringLiteral("PUT"),
                                    QStringLiteral("DELETE"), QStringLiteral("HEAD"), QStringLiteral("OPTIONS"),
                                    QStringLiteral("PATCH")};
    for (const QString &m : known)
        if (m.size() == method.size() && m == QLatin1String(method))
            return m;
    return QString::fromLatin1(method);
}

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 100: return "Continue";
    case 200: return "OK";
    case 201: return "Created";
    case 202: return "Accepted";
    case 204: return "No Content";
    case 206: return "Partial Content";
    case 301: return "Moved Permanently";
    case 302: return "Found";
    case 304: return "Not Modified";
    case 307: return "Temporary Redirect";
    case 308: return "Permanent Redirect";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 408: return "Request Timeout";
    case 409: return "Conflict";
    case 410: return "Gone";
    case 411: return "Length Required";
    case 413: return "Payload Too Large";
    case 414: return "URI Too Long";
    case 415: return "Unsupported Media Type";
    case 429: return "Too Many Requests";
    case 431: return "Request Header Fields Too Large";
    case 500: return "Internal Server Error";
    case 501: return "Not Implemented";
    case 502: return "Bad Gateway";
    case 503: return "Service Unavailable";
    case 504: return "Gateway Timeout";
    default: return "Unknown";
    }
}

} // namespace gw
