#include "requestsender.h"

#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>

namespace gw::ui {

RequestSender::RequestSender(QObject *parent) : QObject(parent), m_network(new QNetworkAccessManager(this))
{
    // The client talks to the local gateway first of all: a proxy from the environment would
    // send loopback calls elsewhere.
    m_network->setProxy(QNetworkProxy::NoProxy);
}

bool RequestSender::send(const ClientRequest &request)
{
    if (m_reply) {
        m_lastError = tr("A request is still running: cancel it first.");
        return false;
    }
    const QNetworkRequest networkRequest = request.toNetworkRequest();
    if (networkRequest.url().isEmpty()) {
        m_lastError = tr("Enter a URL such as http://127.0.0.1:4510/…");
        return false;
    }
    m_lastError.clear();
    m_cancelled = false;
    m_timer.start();
    m_reply = m_network->sendCustomRequest(networkRequest, request.method.toLatin1(), request.body);
    connect(m_reply, &QNetworkReply::finished, this, &RequestSender::onFinished);
    return true;
}

void RequestSender::cancel()
{
    if (!m_reply)
        return;
    m_cancelled = true;
    m_reply->abort(); // finished() follows, synchronously or later
}

void RequestSender::onFinished()
{
    QNetworkReply *reply = m_reply;
    m_reply = nullptr;
    if (!reply)
        return;
    reply->deleteLater();
    ClientResponse response;
    response.elapsedMs = m_timer.elapsed();
    response.cancelled = m_cancelled;
    response.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    response.reason = reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toByteArray();
    if (!m_cancelled) {
        response.headers = reply->rawHeaderPairs();
        response.body = reply->readAll();
    }
    if (response.status == 0 || m_cancelled)
        response.error = reply->errorString();
    emit finished(response);
}

} // namespace gw::ui
