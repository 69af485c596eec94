#include "lambdaproxyresponse.h"

#include "lambdaproxyevent.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace gw::integrations {

namespace {

std::optional<QByteArray> headerValue(const QJsonValue &v)
{
    if (v.isString())
        return v.toString().toUtf8();
    if (v.isBool())
        return v.toBool() ? QByteArray("true") : QByteArray("false");
    return std::nullopt;
}

std::optional<int> statusCode(const QJsonValue &v)
{
    if (v.isUndefined())
        return 200;
    if (v.isDouble()) {
        const double d = v.toDouble();
        if (d == double(int(d)) && d >= 100 && d <= 599)
            return int(d);
        return std::nullopt;
    }
    if (v.isString()) {
        bool ok = false;
        const int code = v.toString().trimmed().toInt(&ok);
        if (ok && code >= 100 && code <= 599)
            return code;
    }
    return std::nullopt;
}

} // namespace

std::optional<HttpResponse> parseLambdaProxyResponse(const QByteArray &payload, const QByteArray &accept,
                                                     const QStringList &binaryMediaTypes)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(payload, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return std::nullopt;
    const QJsonObject o = doc.object();
    static const QStringList allowed{QStringLiteral("statusCode"), QStringLiteral("body"), QStringLiteral("headers"),
                                     QStringLiteral("multiValueHeaders"), QStringLiteral("isBase64Encoded")};
    for (auto it = o.begin(); it != o.end(); ++it)
        if (!allowed.contains(it.key()))
            return std::nullopt;

    HttpResponse out;
    const auto status = statusCode(o.value(QStringLiteral("statusCode")));
    if (!status)
        return std::nullopt;
    out.status = *status;

    const QJsonValue multi = o.value(QStringLiteral("multiValueHeaders"));
    const QJsonValue single = o.value(QStringLiteral("headers"));
    if (!(multi.isUndefined() || multi.isNull() || multi.isObject()) || !(single.isUndefined() || single.isNull() || single.isObject()))
        return std::nullopt;
    // multiValueHeaders first (their casing wins), then each single header joins its name's values.
    QList<QPair<QByteArray, QList<QByteArray>>> merged;
    auto slot = [&](const QByteArray &name) -> QList<QByteArray> & {
        for (auto &m : merged)
            if (m.first.compare(name, Qt::CaseInsensitive) == 0)
                return m.second;
        merged.append({name, {}});
        return merged.last().second;
    };
    const QJsonObject multiObject = multi.toObject();
    for (auto it = multiObject.begin(); it != multiObject.end(); ++it) {
        if (!it.value().isArray())
            return std::nullopt;
        QList<QByteArray> &values = slot(it.key().toUtf8());
        for (const QJsonValue &v : it.value().toArray()) {
            if (v.isDouble())
                values.append(QByteArray::number(v.toDouble()));
            else if (const auto s = headerValue(v))
                values.append(*s);
            else
                return std::nullopt;
        }
    }
    const QJsonObject singleObject = single.toObject();
    for (auto it = singleObject.begin(); it != singleObject.end(); ++it) {
        const auto value = headerValue(it.value());
        if (!value)
            return std::nullopt;
        slot(it.key().toUtf8()).append(*value);
    }
    for (const auto &m : merged)
        out.headers.append(m.first, m.second.join(", "));
    if (!out.headers.contains("content-type"))
        out.headers.append("Content-Type", "application/json");

    const QJsonValue body = o.value(QStringLiteral("body"));
    if (!(body.isUndefined() || body.isNull() || body.isString()))
        return std::nullopt;
    out.body = body.toString().toUtf8();
    const QJsonValue base64 = o.value(QStringLiteral("isBase64Encoded"));
    if (!(base64.isUndefined() || base64.isNull() || base64.isBool()))
        return std::nullopt;
    if (base64.toBool()) {
        QByteArray first = accept;
        if (const auto comma = first.indexOf(','); comma >= 0)
            first.truncate(comma);
        if (matchesBinaryMediaType(first, binaryMediaTypes)) {
            const auto decoded = QByteArray::fromBase64Encoding(out.body);
            if (!decoded)
                return std::nullopt;
            out.body = decoded.decoded;
        }
    }
    return out;
}

} // namespace gw::integrations
