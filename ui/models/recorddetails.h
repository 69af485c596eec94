#pragma once

#include "clientrequest.h"

#include "gateway/runtime/requestprocessor.h"

namespace gw::ui::recorddetails {

// The request and response of a live-log row as text, secret header values masked (as the
// engine's traces mask them) and bodies shown as text.
QString text(const gw::runtime::RequestRecord &record);
// The timeline as text: one line per trace line, "  12.345 ms  phase  text".
QString traceText(const gw::runtime::RequestRecord &record);
// The row's request, ready to send again: the URL from its Host header and request target (or
// `fallbackBase` + path when the request was not captured); headers the client's network
// stack writes itself (Host, Content-Length, Connection) left out; secrets kept in clear.
ClientRequest replayRequest(const gw::runtime::RequestRecord &record, const QString &fallbackBase);

} // namespace gw::ui::recorddetails
