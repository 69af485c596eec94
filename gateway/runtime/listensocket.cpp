#include "listensocket.h"

#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace gw::runtime {

static qintptr openListener(const QHostAddress &host, quint16 port, bool reusePort, QString *error);

qintptr openReusePortListener(const QHostAddress &host, quint16 port, QString *error)
{
    return openListener(host, port, true, error);
}

QList<qintptr> openListeners(const QHostAddress &host, quint16 port, int count, QString *error)
{
    const qintptr probe = openListener(host, port, false, error);
    if (probe < 0)
        return {};
    const quint16 chosen = boundPort(probe);
    closeDescriptor(probe);
    QList<qintptr> out;
    for (int i = 0; i < count; ++i) {
        const qintptr fd = openListener(host, chosen, true, error);
        if (fd < 0) {
            for (qintptr d : out)
                closeDescriptor(d);
            return {};
        }
        out.append(fd);
    }
    return out;
}

static qintptr openListener(const QHostAddress &host, quint16 port, bool reusePort, QString *error)
{
    const bool v6 = host.protocol() == QAbstractSocket::IPv6Protocol;
    const int fd = ::socket(v6 ? AF_INET6 : AF_INET, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
    if (fd < 0) {
        *error = QString::fromLocal8Bit(std::strerror(errno));
        return -1;
    }
    const int one = 1;
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    if (reusePort)
        ::setsockopt(fd, SOL_SOCKET, SO_REUSEPORT, &one, sizeof one);
    int rc;
    if (v6) {
        sockaddr_in6 addr = {};
        addr.sin6_family = AF_INET6;
        addr.sin6_port = htons(port);
        const Q_IPV6ADDR a = host.toIPv6Address();
        std::memcpy(&addr.sin6_addr, &a, sizeof a);
        rc = ::bind(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr);
    } else {
        sockaddr_in addr = {};
        addr.sin_family = AF_INET;
        addr.sin_port = htons(port);
        addr.sin_addr.s_addr = htonl(host.toIPv4Address());
        rc = ::bind(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr);
    }
    if (rc != 0 || ::listen(fd, 1024) != 0) {
        *error = QStringLiteral("cannot listen on %1:%2: %3").arg(host.toString()).arg(port).arg(QString::fromLocal8Bit(std::strerror(errno)));
        ::close(fd);
        return -1;
    }
    return fd;
}

quint16 boundPort(qintptr descriptor)
{
    sockaddr_storage addr = {};
    socklen_t len = sizeof addr;
    if (::getsockname(int(descriptor), reinterpret_cast<sockaddr *>(&addr), &len) != 0)
        return 0;
    if (addr.ss_family == AF_INET6)
        return ntohs(reinterpret_cast<sockaddr_in6 *>(&addr)->sin6_port);
    return ntohs(reinterpret_cast<sockaddr_in *>(&addr)->sin_port);
}

void closeDescriptor(qintptr descriptor)
{
    if (descriptor >= 0)
        ::close(int(descriptor));
}

} // namespace gw::runtime
