#include "qnamtransport.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPointer>
#include <QTimer>

namespace gw::integrations {

using pipeline::EndpointResult;

QnamTransport::QnamTransport(QObject *parent)
    : QObject(parent), m_manager(new QNetworkAccessManager(this))
{
    m_manager->setAutoDeleteReplies(false);
}

pipeline::UpstreamTransport::Cancel QnamTransport::send(const pipeline::EndpointRequest &request, Callback callback)
{
    QUrl url = request.url;
    // glibc does not resolve *.localhost; curl and browsers map it to loopback, so do we.
    if (url.host().endsWith(QLatin1String(".localhost")) || url.host() == QLatin1String("localhost"))
        url.setHost(QStringLiteral("127.0.0.1"));
    QNetworkRequest req(url);
    for (const auto &h : request.headers)
        req.setRawHeader(h.first, h.second);
    if (!request.headers.contains("host") && url != request.url)
        req.setRawHeader("Host", request.url.authority().toLatin1());
    req.setTransferTimeout(request.timeoutMs);
    req.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    QNetworkReply *reply = m_manager->sendCustomRequest(req, request.method, request.body);
    if (request.insecureSkipVerification)
        reply->ignoreSslErrors();
    QPointer<QNetworkReply> guard(reply);
    auto cb = std::make_shared<Callback>(std::move(callback));
    connect(reply, &QNetworkReply::finished, this, [reply, cb]() {
        reply->deleteLater();
        if (!*cb)
            return;
        EndpointResult r;
        const auto err = reply->error();
        const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
        if (status.isValid()) {
            r.status = status.toInt();
            for (const auto &h : reply->rawHeaderPairs())
                r.headers.append(h.first, h.second);
            r.body = reply->readAll();
        } else {
            switch (err) {
            case QNetworkReply::TimeoutError:
            case QNetworkReply::OperationCanceledError:
                r.error = EndpointResult::Error::Timeout;
                break;
            case QNetworkReply::ConnectionRefusedError:
                r.error = EndpointResult::Error::ConnectionRefused;
                break;
            case QNetworkReply::HostNotFoundError:
                r.error = EndpointResult::Error::InvalidEndpoint;
                break;
            case QNetworkReply::SslHandshakeFailedError:
                r.error = EndpointResult::Error::TlsError;
                break;
            default:
                r.error = EndpointResult::Error::NetworkError;
                break;
            }
            r.errorMessage = reply->errorString();
        }
        auto call = std::move(*cb);
        *cb = nullptr;
        call(std::move(r));
    });
    return [guard, cb]() {
        *cb = nullptr;
        if (guard)
            guard->abort();
    };
}

} // namespace gw::integrations
