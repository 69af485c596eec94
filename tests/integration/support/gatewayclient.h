#pragma once

#include <QByteArray>
#include <QList>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPair>

namespace gwtest {

struct Reply
{
    int status = 0;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray header(const QByteArray &name) const;
};

// A real HTTP client (QNetworkAccessManager) that waits for the answer in a local event loop:
// fine in a test's main thread, never done in the app.
class GatewayClient
{
public:
    Reply send(const QByteArray &method, const QString &url, const QList<QPair<QByteArray, QByteArray>> &headers = {},
               const QByteArray &body = {}, int timeoutMs = 15000);

private:
    QNetworkAccessManager m_manager;
};

} // namespace gwtest
