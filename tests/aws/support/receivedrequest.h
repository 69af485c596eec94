#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>

namespace gwtest {

// One request as the fake AWS server read it off the socket, before any interpretation.
struct ReceivedRequest
{
    QByteArray method;
    QByteArray path;   // raw, as on the request line
    QByteArray query;  // raw, after '?'
    QList<QPair<QByteArray, QByteArray>> headers;  // wire order and casing
    QByteArray body;

    QByteArray header(const QByteArray &name) const;  // last value, case-insensitive
    QList<QByteArray> headerValues(const QByteArray &name) const;
    // Query-protocol parameters from the URL query and a form body together.
    QList<QPair<QByteArray, QByteArray>> formParameters() const;
    QByteArray formParameter(const QByteArray &name) const;
};

} // namespace gwtest
