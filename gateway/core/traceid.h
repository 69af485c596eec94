#pragma once

#include <QByteArray>
#include <QString>

namespace gw {

// X-Ray trace headers as API Gateway (REST) writes them: "Root=1-{8 hex: epoch seconds}-{24 hex}".
// Every request gets one; a client's well-formed header is carried on unchanged, as API Gateway
// adds a trace header only to requests that have none (DECISIONS.md, import15).

// A new one comes from newTraceHeader (ids.h).
// The header value a request carries through the gateway: `incoming` (trimmed) when its Root
// field is a well-formed trace id, else a new one.
QString traceHeaderFor(const QByteArray &incoming, qint64 epochSeconds);

// The trace id inside a header ("1-5759e988-bd862e3fe1be46a994272793" out of
// "Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=0"): $context.xrayTraceId. Empty when the
// header has no well-formed Root.
QString traceIdOf(const QString &header);

} // namespace gw
