#include "responsewriter.h"

#include <QDateTime>
#include <QLocale>

namespace gw::runtime {

static QByteArray httpDate()
{
    thread_local qint64 second = -1;
    thread_local QByteArray text;
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    if (now != second) {
        second = now;
        text = QLocale::c().toString(QDateTime::fromSecsSinceEpoch(now, Qt::UTC), QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'")).toLatin1();
    }
    return text;
}

QByteArray serializeResponse(const HttpResponse &response, bool headRequest, bool close)
{
    QByteArray out;
    out.reserve(256 + response.body.size());
    out += "HTTP/1.1 ";
    out += QByteArray::number(response.status);
    out += ' ';
    out += reasonPhrase(response.status);
    out += "\r\n";
    for (const auto &h : response.headers) {
        if (h.first.compare("content-length", Qt::CaseInsensitive) == 0 || h.first.compare("connection", Qt::CaseInsensitive) == 0
            || h.first.compare("transfer-encoding", Qt::CaseInsensitive) == 0 || h.first.compare("date", Qt::CaseInsensitive) == 0)
            continue;
        out += h.first;
        out += ": ";
        out += h.second;
        out += "\r\n";
    }
    out += "Date: ";
    out += httpDate();
    out += "\r\nContent-Length: ";
    out += QByteArray::number(response.body.size());
    out += close ? "\r\nConnection: close\r\n\r\n" : "\r\n\r\n";
    if (!headRequest)
        out += response.body;
    return out;
}

HttpResponse listenerErrorResponse(int status, const QByteArray &message)
{
    HttpResponse r;
    r.status = status;
    r.headers.append("Content-Type", "application/json");
    if (status == 413)
        r.headers.append("x-amzn-ErrorType", "RequestTooLargeException");
    r.body = "{\"message\":\"" + message + "\"}";
    return r;
}

} // namespace gw::runtime
