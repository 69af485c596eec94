#pragma once

#include <QByteArray>
#include <QJsonObject>

namespace gwtest {

// A fake service's reply, before the server puts it on the wire.
struct FakeAnswer
{
    int status = 200;
    QByteArray contentType;
    QByteArray body;

    static FakeAnswer json(const QJsonObject &object, int status = 200,
                           const QByteArray &contentType = "application/x-amz-json-1.0");
    // AWS JSON-protocol error: {"__type": "...#Type", "message": "..."}
    static FakeAnswer jsonError(int status, const QString &type, const QString &message,
                                const QByteArray &contentType = "application/x-amz-json-1.0");
    // Query-protocol error: <ErrorResponse><Error><Type>Sender</Type><Code>...
    static FakeAnswer xmlError(int status, const QString &code, const QString &message);
};

} // namespace gwtest
