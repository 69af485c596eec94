#pragma once

#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

namespace gw {

// Serialises with keys in sorted order (QJsonObject keeps them sorted) and 2-space indent,
// so project files diff cleanly.
QByteArray toPrettyJson(const QJsonObject &object);
QByteArray toCompactJson(const QJsonValue &value);
// Java-style map rendering as API Gateway's logs print maps: {k=v, k2=v2}
QString javaMapString(const QList<QPair<QString, QString>> &entries);

} // namespace gw
