#pragma once

#include "gateway/pipeline/requestcontext.h"

#include <QHash>

namespace gw::runtime {

// Every $context variable of a finished request, flattened ("identity.sourceIp" → value), plus
// the access-log-only ones (status, responseLength, responseLatency, integrationLatency, ...).
QHash<QString, QString> accessLogValues(const pipeline::RequestContext &ctx, const HttpResponse &response);

} // namespace gw::runtime
