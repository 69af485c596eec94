#include "jwksfetcher.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPointer>

namespace gw::auth {

JwksFetcher::JwksFetcher() = default;
JwksFetcher::~JwksFetcher() = default;

QNetworkAccessManager *JwksFetcher::manager()
{
    if (!m_manager)
        m_manager = std::make_unique<QNetworkAccessManager>();
    return m_manager.get();
}

namespace {

struct FetchState
{
    bool cancelled = false;
    QPointer<QNetworkReply> reply;
};

void get(QNetworkAccessManager *nam, const QUrl &url, int timeoutMs, const std::shared_ptr<FetchState> &state,
         std::function<void(QByteArray, QString)> done)
{
    QNetworkRequest request(url);
    request.setTransferTimeout(timeoutMs);
    request.setRawHeader("Accept", "application/json");
    QNetworkReply *reply = nam->get(request);
    state->reply = reply;
    QObject::connect(reply, &QNetworkReply::finished, reply, [reply, state, url, done = std::move(done)] {
        reply->deleteLater();
        if (state->cancelled)
            return;
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (reply->error() != QNetworkReply::NoError || status != 200)
            done({}, QStringLiteral("fetching %1 failed: %2").arg(url.toString(),
                     reply->error() != QNetworkReply::NoError ? reply->errorString() : QStringLiteral("HTTP status %1").arg(status)));
        else
            done(reply->readAll(), {});
    });
}

} // namespace

JwksFetcher::Cancel JwksFetcher::fetch(const QUrl &url, bool discovery, Callback done, int timeoutMs)
{
    auto state = std::make_shared<FetchState>();
    QNetworkAccessManager *nam = manager();
    auto onKeys = [done](QByteArray body, QString error) {
        if (!error.isEmpty()) {
            done({nullptr, error});
            return;
        }
        auto set = JwkSet::parse(body, &error);
        if (!set)
            done({nullptr, error});
        else
            done({std::make_shared<const JwkSet>(std::move(*set)), {}});
    };
    if (!discovery) {
        get(nam, url, timeoutMs, state, onKeys);
    } else {
        get(nam, url, timeoutMs, state, [nam, timeoutMs, state, done, onKeys, url](QByteArray body, QString error) {
            if (!error.isEmpty()) {
                done({nullptr, error});
                return;
            }
            const QUrl jwksUri(QJsonDocument::fromJson(body).object().value(QLatin1String("jwks_uri")).toString());
            if (!jwksUri.isValid() || jwksUri.isEmpty()) {
                done({nullptr, QStringLiteral("the discovery document %1 has no jwks_uri").arg(url.toString())});
                return;
            }
            get(nam, jwksUri, timeoutMs, state, onKeys);
        });
    }
    return [state] {
        state->cancelled = true;
        if (state->reply)
            state->reply->abort();
    };
}

} // namespace gw::auth
