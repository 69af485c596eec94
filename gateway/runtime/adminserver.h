#pragma once

#include <QHostAddress>
#include <QObject>

class QHttpServer;

namespace gw::runtime {

class Engine;

// The admin listener: Prometheus metrics at GET /metrics, GET /health, traces and the stage caches
// (admincacheroutes.h). Separate from the
// gateway's port, loopback unless asked otherwise, and off unless enabled.
// Thread contract: lives on the engine owner's thread.
class AdminServer : public QObject
{
    Q_OBJECT
public:
    explicit AdminServer(Engine *engine, QObject *parent = nullptr);
    // Returns the port (useful with 0), or 0 with `error` set.
    quint16 listen(const QHostAddress &host, quint16 port, QString *error);

private:
    Engine *m_engine;
    QHttpServer *m_server;
};

} // namespace gw::runtime
