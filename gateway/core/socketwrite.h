#pragma once

#include <QtGlobal>

class QTcpSocket;

namespace gw {

// Writes to a connected, unencrypted socket at once when nothing is queued before the bytes: one
// send() now instead of a write notifier, another poll() and another event-loop turn. What the
// kernel does not take (and everything while earlier bytes are still queued) goes through the
// socket's own buffer as QIODevice::write would. Errors are never reported from inside this call:
// the socket finds them on its next write from the event loop, so callers see no re-entrance.
// Not for QSslSocket (the bytes would bypass the encryption).
void writeNow(QTcpSocket *socket, const char *data, qsizetype size);

} // namespace gw
