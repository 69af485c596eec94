#include "clientresponse.h"

#include <QCoreApplication>
#include <QJsonDocument>

namespace gw::ui {

QString ClientResponse::prettyBody() const
{
    const QByteArray shown = body.left(kMaxDisplayedBody);
    const QByteArray trimmed = shown.trimmed();
    if (shown.size() == body.size() && (trimmed.startsWith('{') || trimmed.startsWith('['))) {
        QJsonParseError error;
        const QJsonDocument json = QJsonDocument::fromJson(trimmed, &error);
        if (error.error == QJsonParseError::NoError)
            return QString::fromUtf8(json.toJson(QJsonDocument::Indented));
    }
    QString text = QString::fromUtf8(shown);
    if (shown.size() < body.size())
        text += QCoreApplication::translate("gw::ui::ClientResponse", "\n… (%1 more bytes not shown)").arg(body.size() - shown.size());
    return text;
}

QString ClientResponse::summary() const
{
    if (cancelled)
        return QCoreApplication::translate("gw::ui::ClientResponse", "Cancelled after %1 ms").arg(elapsedMs);
    if (status == 0)
        return QCoreApplication::translate("gw::ui::ClientResponse", "No response: %1").arg(error);
    return QCoreApplication::translate("gw::ui::ClientResponse", "%1 %2 · %3 ms · %4 bytes")
        .arg(status).arg(QString::fromLatin1(reason)).arg(elapsedMs).arg(body.size());
}

} // namespace gw::ui
