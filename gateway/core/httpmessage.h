#pragma once

#include "headerlist.h"

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QPair>

namespace gw {

// A request as the transport hands it to the engine, independent of the server that read it
// (QtHttpServer, our own listener, or test-invoke without a socket).
struct HttpRequest
{
    QByteArray method;      // upper case
    QByteArray target;      // raw request target: path plus "?query", still percent-encoded
    QByteArray protocol = QByteArrayLiteral("HTTP/1.1"); // a literal: no allocation per request
    HeaderList headers;
    QByteArray body;
    QHostAddress peerAddress;
    quint16 peerPort = 0;
    quint16 localPort = 0;

    QByteArray rawPath() const;   // target up to '?'
    QByteArray rawQuery() const;  // after '?', without it
    QByteArray host() const;      // Host header without port, lower case
};

struct HttpResponse
{
    int status = 200;
    HeaderList headers;
    QByteArray body;
};

// Query string decoded as API Gateway decodes it: '+' is a space, %XX decoded, order kept.
QList<QPair<QString, QString>> parseQueryString(const QByteArray &query);
QByteArray reasonPhrase(int status);
// The method as a QString; the common verbs are shared constants (no allocation per request).
QString methodString(const QByteArray &method);

} // namespace gw
