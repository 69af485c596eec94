#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>

namespace gw::integrations {

// A proxy event (1.0 or 2.0) as the execution trace may show it: the values of secret headers
// (Authorization, X-API-Key, cookies... see observe/secretmask.h) masked in headers and
// multiValueHeaders. The function itself still gets the real event.
QJsonObject proxyEventForTrace(const QJsonObject &event, const QList<QByteArray> &extraSecretHeaders);

} // namespace gw::integrations
