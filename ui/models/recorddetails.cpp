#include "recorddetails.h"

#include "gateway/observe/secretmask.h"

#include <QCoreApplication>

namespace gw::ui::recorddetails {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("gw::ui::recorddetails", text);
}

QString headerLines(const gw::HeaderList &headers)
{
    QString out;
    for (const auto &h : headers) {
        const QByteArray value = gw::observe::isSecretHeader(h.first) ? gw::observe::maskSecret(h.second) : h.second;
        out += QStringLiteral("  %1: %2\n").arg(QString::fromLatin1(h.first), QString::fromUtf8(value));
    }
    return out;
}

} // namespace

QString text(const gw::runtime::RequestRecord &r)
{
    QString out = QStringLiteral("%1 %2  →  %3   (%4 ms)\n").arg(r.method, r.path).arg(r.status).arg(double(r.latencyUs) / 1000.0, 0, 'f', 2);
    out += tr("request id %1 · stage %2 · %3\n\n").arg(r.requestId, r.stage, r.time.toLocalTime().toString(Qt::ISODateWithMs));
    if (r.request.method.isEmpty() && r.trace.isEmpty())
        return out + tr("Details were not captured for this request.\n");
    out += tr("Request headers\n") + headerLines(r.request.headers);
    if (!r.request.body.isEmpty())
        out += tr("Request body\n  ") + QString::fromUtf8(r.request.body) + QLatin1Char('\n');
    out += tr("\nResponse headers\n") + headerLines(r.response.headers);
    if (!r.response.body.isEmpty())
        out += tr("Response body\n  ") + QString::fromUtf8(r.response.body) + QLatin1Char('\n');
    return out;
}

QString traceText(const gw::runtime::RequestRecord &r)
{
    QString out;
    for (const auto &line : r.trace)
        out += QStringLiteral("  %1 ms  %2  %3\n").arg(double(line.elapsedUs) / 1000.0, 7, 'f', 3).arg(line.phase, -20).arg(line.text);
    return out;
}

ClientRequest replayRequest(const gw::runtime::RequestRecord &r, const QString &fallbackBase)
{
    ClientRequest request;
    request.method = r.request.method.isEmpty() ? r.method : QString::fromLatin1(r.request.method);
    const QByteArray host = r.request.headers.firstValue("Host");
    const QString target = r.request.target.isEmpty() ? r.path : QString::fromUtf8(r.request.target);
    if (!host.isEmpty()) {
        request.url = QStringLiteral("http://") + QString::fromLatin1(host) + target;
    } else {
        QString base = fallbackBase;
        while (base.endsWith(QLatin1Char('/')))
            base.chop(1);
        request.url = base + target;
    }
    for (const auto &h : r.request.headers) {
        static const QByteArray skipped[] = {"Host", "Content-Length", "Connection", "Transfer-Encoding"};
        if (std::none_of(std::begin(skipped), std::end(skipped), [&](const QByteArray &s) { return gw::headerNameEquals(h.first, s); }))
            request.headers.append(h);
    }
    request.body = r.request.body;
    return request;
}

} // namespace gw::ui::recorddetails
