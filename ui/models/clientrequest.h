#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QNetworkRequest>
#include <QPair>
#include <QString>

namespace gw::ui {

using HeaderPairs = QList<QPair<QByteArray, QByteArray>>;

// The first value of that header (any case), or empty.
QByteArray headerValue(const HeaderPairs &headers, const QByteArray &name);

// One request as the client sends it: a value copied out of the form before anything async
// happens, kept in the history and written as cURL.
struct ClientRequest
{
    QString method = QStringLiteral("GET");
    QString url;
    HeaderPairs headers;
    QByteArray body;

    QByteArray header(const QByteArray &name) const; // case-insensitive, first match
    // *.localhost hosts go to 127.0.0.1 with the Host header kept: the system resolver does not
    // map them (curl and browsers do). An invalid or host-less URL gives an empty QUrl.
    QNetworkRequest toNetworkRequest() const;
    QJsonObject toJson() const;
    static ClientRequest fromJson(const QJsonObject &json);

    friend bool operator==(const ClientRequest &, const ClientRequest &) = default;
};

} // namespace gw::ui
