#pragma once

#include "gateway/runtime/requestprocessor.h"

#include <QJsonObject>

namespace gw::ui {

// Finished requests as a HAR 1.2 log (browsers' dev tools open it) and as JSON lines (one
// object per request, with the trace). Secret headers are masked in both.
QJsonObject toHar(const QList<gw::runtime::RequestRecord> &records, const QString &baseUrl);
QByteArray toJsonLines(const QList<gw::runtime::RequestRecord> &records);

} // namespace gw::ui
