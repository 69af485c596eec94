#include "harexport.h"

#include "gateway/observe/secretmask.h"
#include "gateway/runtime/tracestore.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace gw::ui {

static QJsonArray headersArray(const gw::HeaderList &headers)
{
    QJsonArray out;
    for (const auto &h : headers) {
        const QByteArray value = gw::observe::isSecretHeader(h.first) ? gw::observe::maskSecret(h.second) : h.second;
        out.append(QJsonObject{{QStringLiteral("name"), QString::fromLatin1(h.first)}, {QStringLiteral("value"), QString::fromUtf8(value)}});
    }
    return out;
}

static gw::runtime::RequestRecord masked(gw::runtime::RequestRecord r)
{
    for (auto *headers : {&r.request.headers, &r.response.headers}) {
        gw::HeaderList clean;
        for (const auto &h : *headers)
            clean.append(h.first, gw::observe::isSecretHeader(h.first) ? gw::observe::maskSecret(h.second) : h.second);
        *headers = clean;
    }
    return r;
}

QJsonObject toHar(const QList<gw::runtime::RequestRecord> &records, const QString &baseUrl)
{
    QJsonArray entries;
    for (const auto &r : records) {
        QJsonArray query;
        for (const auto &q : gw::parseQueryString(r.request.rawQuery()))
            query.append(QJsonObject{{QStringLiteral("name"), q.first}, {QStringLiteral("value"), q.second}});
        QJsonObject request{
            {QStringLiteral("method"), r.method},
            {QStringLiteral("url"), QString(baseUrl + QString::fromUtf8(r.request.target))},
            {QStringLiteral("httpVersion"), QString::fromLatin1(r.request.protocol)},
            {QStringLiteral("cookies"), QJsonArray()},
            {QStringLiteral("headers"), headersArray(r.request.headers)},
            {QStringLiteral("queryString"), query},
            {QStringLiteral("headersSize"), -1},
            {QStringLiteral("bodySize"), double(r.request.body.size())},
        };
        if (!r.request.body.isEmpty())
            request.insert(QStringLiteral("postData"), QJsonObject{{QStringLiteral("mimeType"), QString::fromLatin1(r.request.headers.value("content-type"))},
                                                                   {QStringLiteral("text"), QString::fromUtf8(r.request.body)}});
        const QJsonObject response{
            {QStringLiteral("status"), r.status},
            {QStringLiteral("statusText"), QString::fromLatin1(gw::reasonPhrase(r.status))},
            {QStringLiteral("httpVersion"), QStringLiteral("HTTP/1.1")},
            {QStringLiteral("cookies"), QJsonArray()},
            {QStringLiteral("headers"), headersArray(r.response.headers)},
            {QStringLiteral("content"), QJsonObject{{QStringLiteral("size"), double(r.response.body.size())},
                                                    {QStringLiteral("mimeType"), QString::fromLatin1(r.response.headers.value("content-type"))},
                                                    {QStringLiteral("text"), QString::fromUtf8(r.response.body)}}},
            {QStringLiteral("redirectURL"), QString()},
            {QStringLiteral("headersSize"), -1},
            {QStringLiteral("bodySize"), double(r.response.body.size())},
        };
        const double ms = double(r.latencyUs) / 1000.0;
        entries.append(QJsonObject{
            {QStringLiteral("startedDateTime"), r.time.toUTC().toString(Qt::ISODateWithMs)},
            {QStringLiteral("time"), ms},
            {QStringLiteral("request"), request},
            {QStringLiteral("response"), response},
            {QStringLiteral("cache"), QJsonObject()},
            {QStringLiteral("timings"), QJsonObject{{QStringLiteral("send"), 0}, {QStringLiteral("wait"), ms}, {QStringLiteral("receive"), 0}}},
            {QStringLiteral("comment"), QStringLiteral("requestId %1").arg(r.requestId)},
        });
    }
    return QJsonObject{{QStringLiteral("log"), QJsonObject{
        {QStringLiteral("version"), QStringLiteral("1.2")},
        {QStringLiteral("creator"), QJsonObject{{QStringLiteral("name"), QStringLiteral("Gatewright")}, {QStringLiteral("version"), QStringLiteral("0.1")}}},
        {QStringLiteral("entries"), entries}}}};
}

QByteArray toJsonLines(const QList<gw::runtime::RequestRecord> &records)
{
    QByteArray out;
    for (const auto &r : records)
        out += QJsonDocument(gw::runtime::TraceStore::toJson(masked(r))).toJson(QJsonDocument::Compact) + '\n';
    return out;
}

} // namespace gw::ui
