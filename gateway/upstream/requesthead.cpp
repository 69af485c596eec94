#include "requesthead.h"

#include "httpsyntax.h"

namespace gw::upstream {

using namespace syntax;

namespace {

bool isFramingHeader(const QByteArray &name)
{
    return name.compare("content-length", Qt::CaseInsensitive) == 0
           || name.compare("transfer-encoding", Qt::CaseInsensitive) == 0;
}

bool methodMayHaveBody(const QByteArray &method)
{
    return method == "POST" || method == "PUT" || method == "PATCH";
}

} // namespace

bool isIdempotentMethod(const QByteArray &method)
{
    return method == "GET" || method == "HEAD" || method == "OPTIONS" || method == "PUT" || method == "DELETE"
           || method == "TRACE";
}

bool RequestHead::build(const UpstreamRequest &request, const UpstreamEndpoint &endpoint, RequestHead *head, QString *error)
{
    if (!isToken(request.method)) {
        *error = QStringLiteral("invalid HTTP method");
        return false;
    }
    QByteArray target = request.url.toEncoded(QUrl::RemoveScheme | QUrl::RemoveAuthority | QUrl::RemoveFragment);
    if (!target.startsWith('/'))
        target.prepend('/');
    for (char c : target) {
        if (static_cast<unsigned char>(c) <= ' ' || c == 0x7f) {
            *error = QStringLiteral("invalid character in the request target");
            return false;
        }
    }
    QByteArray &out = head->bytes;
    out.clear();
    out.reserve(128 + target.size() + request.headers.size() * 48);
    out.append(request.method).append(' ').append(target).append(" HTTP/1.1\r\n");
    bool hasHost = false;
    head->closeAfter = false;
    for (const auto &[name, value] : request.headers) {
        if (!isToken(name) || !isFieldValue(value)) {
            *error = QStringLiteral("header '%1' can't be sent: invalid name or value").arg(QString::fromLatin1(name));
            return false;
        }
        if (isFramingHeader(name))
            continue;
        if (name.size() == 4 && name.compare("host", Qt::CaseInsensitive) == 0)
            hasHost = true;
        if (name.size() == 10 && name.compare("connection", Qt::CaseInsensitive) == 0)
            head->closeAfter = head->closeAfter || listContainsToken(value, "close");
        out.append(name).append(": ").append(value).append("\r\n");
    }
    if (!hasHost)
        out.append("Host: ").append(endpoint.hostHeader()).append("\r\n");
    if (!request.body.isEmpty() || methodMayHaveBody(request.method))
        out.append("Content-Length: ").append(QByteArray::number(request.body.size())).append("\r\n");
    out.append("\r\n");
    return true;
}

} // namespace gw::upstream
