#pragma once

#include <QHostAddress>
#include <QList>
#include <QString>

namespace gw::runtime {

// A listening TCP socket with SO_REUSEPORT, so that several engine threads can each accept on
// the same port (the kernel spreads connections among them). Returns the descriptor, or -1 with
// `error` set. `port` 0 picks a free port; read it back with boundPort().
qintptr openReusePortListener(const QHostAddress &host, quint16 port, QString *error);
// Opens `count` SO_REUSEPORT listeners on one port. A plain bind is tried first, so a port that
// anyone else holds — another Gatewright too — is reported busy instead of silently shared.
QList<qintptr> openListeners(const QHostAddress &host, quint16 port, int count, QString *error);
quint16 boundPort(qintptr descriptor);
void closeDescriptor(qintptr descriptor);

} // namespace gw::runtime
