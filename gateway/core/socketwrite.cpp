#include "socketwrite.h"

#include <QTcpSocket>

#include <sys/socket.h>

namespace gw {

void writeNow(QTcpSocket *socket, const char *data, qsizetype size)
{
    if (size > 0 && socket->bytesToWrite() == 0 && socket->state() == QAbstractSocket::ConnectedState) {
        const ssize_t sent = ::send(int(socket->socketDescriptor()), data, size_t(size), MSG_NOSIGNAL | MSG_DONTWAIT);
        if (sent == size)
            return;
        if (sent > 0) {
            data += sent;
            size -= sent;
        }
    }
    socket->write(data, size);
}

} // namespace gw
