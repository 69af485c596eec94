#include "responsewriter.h"

#include <QDateTime>
#include <QHash>
#include <QLocale>

#include <charconv>
#include <cstring>

namespace gw::runtime {

static const QByteArray &httpDate()
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
    // Measured first, then copied into one buffer of the exact size: appending piece by piece
    // costs a capacity check and a call per piece, most of this function's time.
    const QByteArray &status = statusLine(response.status);
    const QByteArray &date = httpDate();
    char digits[24];
    const auto [digitsEnd, ec] = std::to_chars(digits, digits + sizeof digits, response.body.size());
    Q_UNUSED(ec);
    const QByteArrayView length(digits, digitsEnd - digits);
    const QByteArrayView ending = close ? QByteArrayView("\r\nConnection: close\r\n\r\n") : QByteArrayView("\r\n\r\n");
    const QByteArrayView body = headRequest ? QByteArrayView() : QByteArrayView(response.body);
    static constexpr QByteArrayView kDate("Date: ");
    static constexpr QByteArrayView kLength("\r\nContent-Length: ");

    qsizetype size = status.size() + kDate.size() + date.size() + kLength.size() + length.size() + ending.size() + body.size();
    for (const auto &h : response.headers)
        if (!isWriterHeader(h.first))
            size += h.first.size() + h.second.size() + 4;
    QByteArray out(size, Qt::Uninitialized);
    char *at = out.data();
    const auto put = [&at](QByteArrayView bytes) {
        if (!bytes.isEmpty())
            std::memcpy(at, bytes.data(), size_t(bytes.size()));
        at += bytes.size();
    };
    put(status);
    for (const auto &h : response.headers) {
        if (isWriterHeader(h.first))
            continue;
        put(h.first);
        put(": ");
        put(h.second);
        put("\r\n");
    }
    put(kDate);
    put(date);
    put(kLength);
    put(length);
    put(ending);
    put(body);
    Q_ASSERT(at == out.constData() + out.size());
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
