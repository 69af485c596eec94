#pragma once

#include "clientresponse.h"

#include <QElapsedTimer>
#include <QNetworkReply>
#include <QObject>
#include <QPointer>

class QNetworkAccessManager;

namespace gw::ui {

// Sends the client's requests, one at a time, asynchronously (QNetworkAccessManager; nothing
// here waits). The answer, an error or a cancellation always ends in exactly one finished().
// Thread contract: the thread that created it (the GUI thread).
class RequestSender : public QObject
{
    Q_OBJECT
public:
    explicit RequestSender(QObject *parent = nullptr);

    // False (and no finished()) when busy or the URL is unusable: say so with lastError().
    bool send(const ClientRequest &request);
    void cancel();
    bool isBusy() const { return m_reply != nullptr; }
    QString lastError() const { return m_lastError; }

signals:
    void finished(const gw::ui::ClientResponse &response);

private:
    void onFinished();

    QNetworkAccessManager *m_network;
    QPointer<QNetworkReply> m_reply;
    QElapsedTimer m_timer;
    QString m_lastError;
    bool m_cancelled = false;
};

} // namespace gw::ui
