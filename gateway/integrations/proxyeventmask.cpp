#include "proxyeventmask.h"

#include "gateway/observe/secretmask.h"

#include <QJsonArray>

namespace gw::integrations {

static QJsonValue masked(const QJsonValue &v)
{
    if (v.isArray()) {
        QJsonArray out;
        for (const QJsonValue &item : v.toArray())
            out.append(masked(item));
        return out;
    }
    return QString::fromUtf8(observe::maskSecret(v.toString().toUtf8()));
}

QJsonObject proxyEventForTrace(const QJsonObject &event, const QList<QByteArray> &extra)
{
    QJsonObject out = event;
    for (const char *key : {"headers", "multiValueHeaders"}) {
        QJsonObject headers = out.value(QLatin1String(key)).toObject();
        if (headers.isEmpty())
            continue;
        for (auto it = headers.begin(); it != headers.end(); ++it)
            if (observe::isSecretHeader(it.key().toLatin1(), extra))
                it.value() = masked(it.value());
        out.insert(QLatin1String(key), headers);
    }
    return out;
}

} // namespace gw::integrations
