#include "responsewriter.h"

#include <QDateTime>
#include <QHash>
#include <QLocale>

#include <charconv>

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

// "HTTP/1.1 200 OK\r\n" and friends, built once per status and thread.
static const QByteArray &statusLine(int status)
{
    thread_local QHash<int, QByteArray> lines;
    auto it = lines.constFind(status);
    if (it == lines.cend())
        it = lines.insert(status, "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n");
    return *it;
}

// Headers the writer sets itself; a response's own copies are left out.
static bool isWriterHeader(const QByteArray &name)
{
    switch (name.size()) {
    case 4: return name.compare("date", Qt::CaseInsensitive) == 0;
    case 10: return name.compare("connection", Qt::CaseInsensitive) == 0;
    case 14: return name.compare("content-length", Qt::CaseInsensitive) == 0;
    case 17: return name.compare("transfer-encoding", Qt::CaseInsensitive) == 0;
    default: return false;
    }
}

QByteArray serializeResponse(const HttpResponse &response, bool headRequest, bool close)
{
    qsizetype size = 160 + response.body.size();
    for (const auto &h : response.headers)
        size += h.first.size() + h.second.size() + 4;
    QByteArray out;
    out.reserve(size);
    out += statusLine(response.status);
    for (const auto &h : response.headers) {
        if (isWriterHeader(h.first))
            continue;
        out += h.first;
        out += ": ";
        out += h.second;
        out += "\r\n";
    }
    out += "Date: ";
    out += httpDate();
    out += "\r\nContent-Length: ";
    char digits[24];
    const auto [end, ec] = std::to_chars(digits, digits + sizeof digits, response.body.size());
    Q_UNUSED(ec);
    out.append(digits, end - digits);
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
