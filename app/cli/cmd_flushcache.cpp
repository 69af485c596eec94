#include "command.h"
#include "projectloader.h"

#include <QCoreApplication>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>
#include <QUrl>

namespace gw::cli {

// Flushes stage caches of a running `gatewright-cli serve ... --admin-port N` through its admin
// endpoint (FlushStageCache's path). Without --api/--stage every stage's cache is flushed.
static int runFlushCache(const QStringList &arguments)
{
    QStringList args = arguments;
    const QString admin = takeOption(args, QStringLiteral("--admin"));
    const QString api = takeOption(args, QStringLiteral("--api"));
    const QString stage = takeOption(args, QStringLiteral("--stage"));
    if (!args.isEmpty() || admin.isEmpty() || api.isEmpty() != stage.isEmpty()) {
        err() << "usage: gatewright-cli flush-cache --admin URL [--api ID --stage NAME]\n";
        return 2;
    }
    QUrl url(admin.contains(QLatin1String("://")) ? admin : QStringLiteral("http://") + admin);
    if (!url.isValid() || url.host().isEmpty()) {
        err() << "gatewright-cli: --admin " << admin << " is not a URL such as http://127.0.0.1:9090\n";
        return 2;
    }
    url.setPath(api.isEmpty() ? QStringLiteral("/cache")
                              : QStringLiteral("/restapis/%1/stages/%2/cache/data").arg(api, stage));
    QNetworkAccessManager manager;
    QNetworkRequest request(url);
    request.setTransferTimeout(10000);
    QNetworkReply *reply = manager.deleteResource(request);
    int rc = 1;
    QObject::connect(reply, &QNetworkReply::finished, [&]() {
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray body = reply->readAll();
        if (status == 202) {
            out() << body << '\n';
            rc = 0;
        } else if (status != 0) {
            err() << "gatewright-cli: " << url.toString() << ": HTTP " << status << ' ' << body << '\n';
        } else {
            err() << "gatewright-cli: " << url.toString() << ": " << reply->errorString()
                  << " (is `gatewright-cli serve PROJECT --admin-port N` running?)\n";
        }
        QCoreApplication::exit(rc);
    });
    QCoreApplication::exec();
    reply->deleteLater();
    return rc;
}

static CommandRegistration registration({"flush-cache", "flush-cache --admin URL [--api ID --stage NAME]  empty the stage caches of a running server (its --admin-port)", &runFlushCache});

} // namespace gw::cli
