#pragma once

#include "gateway/core/requesthandler.h"

#include <QAbstractHttpServer>
#include <QHash>
#include <QMap>
#include <QPointer>

class QTcpSocket;

namespace gw::runtime {

// Receives every request through QtHttpServer and hands it to the engine. Answers are written
// by us, in one write each, in request order per connection (QtHttpServer 6.4 would write them
// in completion order), and only while the socket still exists (we hold a QPointer; 6.4's
// responder may write to a deleted socket).
// Thread contract: lives on its worker thread; the handler is called on that thread.
class QtHttpTransport final : public QAbstractHttpServer
{
    Q_OBJECT
public:
    explicit QtHttpTransport(RequestHandler handler, QObject *parent = nullptr);

    static QByteArray serialize(const HttpResponse &response, bool headRequest, bool close);

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    struct Connection
    {
        quint64 nextSequence = 0;
        quint64 nextToWrite = 0;
        QMap<quint64, QPair<QByteArray, bool>> ready; // sequence → bytes, close after
    };
    void complete(QPointer<QTcpSocket> socket, quint64 sequence, QByteArray bytes, bool close);

    RequestHandler m_handler;
    QHash<QTcpSocket *, Connection> m_connections;
};

} // namespace gw::runtime
