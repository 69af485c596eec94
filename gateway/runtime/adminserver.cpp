#include "adminserver.h"

#include "engine.h"

#include <QHttpServer>
#include <QHttpServerResponse>

namespace gw::runtime {

AdminServer::AdminServer(Engine *engine, QObject *parent)
    : QObject(parent), m_engine(engine), m_server(new QHttpServer(this))
{
    m_server->route(QStringLiteral("/metrics"), [this]() {
        return QHttpServerResponse("text/plain; version=0.0.4; charset=utf-8", m_engine->prometheusText());
    });
    m_server->route(QStringLiteral("/health"), [this]() {
        return QHttpServerResponse("application/json", m_engine->isRunning() ? QByteArray("{\"status\":\"serving\"}")
                                                                              : QByteArray("{\"status\":\"stopped\"}"));
    });
}

quint16 AdminServer::listen(const QHostAddress &host, quint16 port, QString *error)
{
    const quint16 bound = m_server->listen(host, port);
    if (!bound && error)
        *error = QStringLiteral("cannot listen on %1:%2 for the admin endpoint").arg(host.toString()).arg(port);
    return bound;
}

} // namespace gw::runtime
