#pragma once

#include <QByteArray>
#include <QString>
#include <QUrl>

#include <optional>

namespace gw::upstream {

// Where a request goes, and the key of the connection pool: connections are shared only between
// requests with the same scheme, host, port and (for https) verification setting, so a
// connection set up without verification never carries a request that asked for it.
struct UpstreamEndpoint
{
    bool tls = false;
    QString host; // lower case, no brackets around IPv6 literals
    quint16 port = 0;
    bool insecure = false; // https only: certificate not verified

    // http(s) URLs with a host only; `error` says what is wrong otherwise.
    static std::optional<UpstreamEndpoint> fromUrl(const QUrl &url, bool insecureSkipVerification, QString *error);

    // The address to connect to: glibc does not resolve *.localhost (curl and browsers map it to
    // loopback), so those names, and localhost itself, go to 127.0.0.1 without a lookup.
    QString connectHost() const;
    // "host[:port]" as the Host header wants it (port only when not the scheme's default).
    QByteArray hostHeader() const;
    QString display() const; // host:port for messages

    friend bool operator==(const UpstreamEndpoint &, const UpstreamEndpoint &) = default;
};

size_t qHash(const UpstreamEndpoint &endpoint, size_t seed = 0);

struct UpstreamEndpointHash
{
    size_t operator()(const UpstreamEndpoint &endpoint) const { return qHash(endpoint); }
};

} // namespace gw::upstream
