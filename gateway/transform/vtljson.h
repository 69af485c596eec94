#pragma once

#include "vtlvalue.h"

#include <QByteArrayView>
#include <QJsonValue>

namespace gw::transform {

// JSON text → template value, keeping the document's key order. Objects become maps, arrays
// JSON-style lists, integers Int (Long), other numbers Double: what json-smart hands Velocity
// in API Gateway. Returns false (and leaves *out null) when the text is not one JSON value.
bool parseJsonText(const QString &text, VtlValue *out);
// The same from UTF-8 (a request body as it arrives), without decoding the whole text first.
bool parseJsonUtf8(QByteArrayView utf8, VtlValue *out);

// Qt JSON → template value ($context, stage variables, variables given as JSON).
VtlValue fromQJson(const QJsonValue &json);

} // namespace gw::transform
