#include "clientrequest.h"

#include <QJsonArray>
#include <QUrl>

namespace gw::ui {

QByteArray headerValue(const HeaderPairs &headers, const QByteArray &name)
{
    for (const auto &h : headers)
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    return {};
}

QByteArray ClientRequest::header(const QByteArray &name) const
{
    return headerValue(headers, name);
}

QNetworkRequest ClientRequest::toNetworkRequest() const
{
    const QUrl parsed = QUrl::fromUserInput(url.trimmed());
    if (!parsed.isValid() || parsed.host().isEmpty())
        return QNetworkRequest(QUrl());
    QNetworkRequest request(parsed);
    // Show what the server answered: a redirect is a response worth seeing, not following.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    const QString host = parsed.host();
    if (host == QLatin1String("localhost") || host.endsWith(QLatin1String(".localhost"))) {
        request.setRawHeader("Host", (parsed.port() > 0 ? host + QLatin1Char(':') + QString::number(parsed.port()) : host).toLatin1());
        QUrl direct = parsed;
        direct.setHost(QStringLiteral("127.0.0.1"));
        request.setUrl(direct);
    }
    for (const auto &h : headers)
        if (!h.first.isEmpty())
            request.setRawHeader(h.first, h.second);
    return request;
}

QJsonObject ClientRequest::toJson() const
{
    QJsonArray headerArray;
    for (const auto &h : headers)
        headerArray.append(QJsonArray{QString::fromLatin1(h.first), QString::fromUtf8(h.second)});
    QJsonObject json{{QStringLiteral("method"), method}, {QStringLiteral("url"), url}, {QStringLiteral("headers"), headerArray}};
    // Text bodies stay readable in the project file; anything else survives as base64.
    const QString text = QString::fromUtf8(body);
    if (text.toUtf8() == body)
        json.insert(QStringLiteral("body"), text);
    else
        json.insert(QStringLiteral("bodyBase64"), QString::fromLatin1(body.toBase64()));
    return json;
}

ClientRequest ClientRequest::fromJson(const QJsonObject &json)
{
    ClientRequest r;
    r.method = json.value(QStringLiteral("method")).toString(QStringLiteral("GET"));
    r.url = json.value(QStringLiteral("url")).toString();
    const QJsonArray headerArray = json.value(QStringLiteral("headers")).toArray();
    for (const auto &h : headerArray) {
        const QJsonArray pair = h.toArray();
        if (pair.size() == 2)
            r.headers.append({pair.at(0).toString().toLatin1(), pair.at(1).toString().toUtf8()});
    }
    r.body = json.contains(QStringLiteral("bodyBase64"))
        ? QByteArray::fromBase64(json.value(QStringLiteral("bodyBase64")).toString().toLatin1())
        : json.value(QStringLiteral("body")).toString().toUtf8();
    return r;
}

} // namespace gw::ui
