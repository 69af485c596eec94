#include "adminserver.h"

#include "admincacheroutes.h"
#include "engine.h"

#include <QHttpServer>
#include <QHttpServerResponse>
#include <QJsonDocument>
#include <QUrlQuery>

namespace gw::runtime {

AdminServer::AdminServer(Engine *engine, QObject *parent)
    : QObject(parent), m_engine(engine), m_server(new QHttpServer(this))
{
    m_server->route(QStringLiteral("/metrics"), [this]() {
        return QHttpServerResponse("text/plain; version=0.0.4; charset=utf-8", m_engine->prometheusText());
    });
    m_server->route(QStringLiteral("/traces"), [this](const QHttpServerRequest &request) {
        // Newest first, one JSON object per line.
        const int limit = qBound(1, QUrlQuery(request.url()).queryItemValue(QStringLiteral("limit")).toInt(), 1000);
        QByteArray body;
        for (const RequestRecord &r : m_engine->traces()->latest(request.url().hasQuery() ? limit : 100))
            body += QJsonDocument(TraceStore::toJson(r)).toJson(QJsonDocument::Compact) + '\n';
        return QHttpServerResponse("application/x-ndjson", body);
    });
    m_server->route(QStringLiteral("/traces/<arg>"), [this](const QString &requestId) {
        const auto record = m_engine->traces()->find(requestId);
        if (!record)
            return QHttpServerResponse("application/json", QByteArray("{\"message\":\"Not Found\"}"),
                                       QHttpServerResponder::StatusCode::NotFound);
        return QHttpServerResponse("application/json", QJsonDocument(TraceStore::toJson(*record)).toJson(QJsonDocument::Compact));
    });
    addCacheRoutes(*m_server, m_engine);
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
