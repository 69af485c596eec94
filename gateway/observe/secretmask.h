#pragma once

#include "gateway/core/headerlist.h"

#include <QByteArray>
#include <QList>

namespace gw::observe {

// Headers whose values never appear in clear in traces or logs: Authorization, X-API-Key,
// cookies, AWS security tokens, plus whatever the user adds.
bool isSecretHeader(const QByteArray &name, const QList<QByteArray> &extraSecretHeaders = {});
// Keeps a short prefix so a person can tell two values apart ("Bearer eyJh…****").
QByteArray maskSecret(const QByteArray &value);
// Query parameters whose values are secrets: a presigned SigV4 URL's X-Amz-Security-Token.
bool isSecretQueryParameter(QByteArrayView name);
// A request target (path?query, raw) with the secret query parameters' values masked.
QByteArray maskSecretQueryParameters(const QByteArray &target);
// A copy of `headers` with the secret ones masked, for what request logs keep.
HeaderList maskSecretHeaders(const HeaderList &headers, const QList<QByteArray> &extraSecretHeaders = {});

} // namespace gw::observe
