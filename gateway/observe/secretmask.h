#pragma once

#include <QByteArray>
#include <QList>

namespace gw::observe {

// Headers whose values never appear in clear in traces or logs: Authorization, X-API-Key,
// cookies, AWS security tokens, plus whatever the user adds.
bool isSecretHeader(const QByteArray &name, const QList<QByteArray> &extraSecretHeaders = {});
// Keeps a short prefix so a person can tell two values apart ("Bearer eyJh…****").
QByteArray maskSecret(const QByteArray &value);

} // namespace gw::observe
