#include "upstreamendpoint.h"

#include <QHashFunctions>

namespace gw::upstream {

std::optional<UpstreamEndpoint> UpstreamEndpoint::fromUrl(const QUrl &url, bool insecureSkipVerification, QString *error)
{
    const QString scheme = url.scheme();
    UpstreamEndpoint e;
    if (scheme == QLatin1String("https"))
        e.tls = true;
    else if (scheme != QLatin1String("http")) {
        *error = QStringLiteral("unsupported URL scheme '%1' (http or https only)").arg(scheme);
        return std::nullopt;
    }
    if (!url.isValid() || url.host().isEmpty()) {
        *error = QStringLiteral("invalid endpoint URL '%1'").arg(url.toString());
        return std::nullopt;
    }
    e.host = url.host().toLower();
    e.port = static_cast<quint16>(url.port(e.tls ? 443 : 80));
    e.insecure = e.tls && insecureSkipVerification;
    return e;
}

QString UpstreamEndpoint::connectHost() const
{
    if (host == QLatin1String("localhost") || host.endsWith(QLatin1String(".localhost")))
        return QStringLiteral("127.0.0.1");
    return host;
}

QByteArray UpstreamEndpoint::hostHeader() const
{
    QByteArray out = host.contains(QLatin1Char(':')) ? '[' + host.toLatin1() + ']' : host.toLatin1();
    if (port != (tls ? 443 : 80))
        out += ':' + QByteArray::number(port);
    return out;
}

QString UpstreamEndpoint::display() const
{
    return host + QLatin1Char(':') + QString::number(port);
}

size_t qHash(const UpstreamEndpoint &e, size_t seed)
{
    return qHashMulti(seed, e.host, e.port, e.tls, e.insecure);
}

} // namespace gw::upstream
