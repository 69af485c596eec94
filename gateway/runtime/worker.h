#pragma once

#include "requestprocessor.h"
#include "listener/listenercounters.h"
#include "listener/listenerlimits.h"

#include <QHostAddress>
#include <QObject>

namespace gw::runtime {

class HttpListener;

// One engine thread: a listener and the request processor behind it.
// Thread contract: lives on its worker thread; all slots run there.
class Worker : public QObject
{
    Q_OBJECT
public:
    Worker(std::function<void(const RequestRecord &)> recordSink,
           std::shared_ptr<observe::MetricsRegistry::Recorder> recorder, std::shared_ptr<AccessLogSinks> accessLogs,
           std::shared_ptr<traffic::TrafficState> traffic);

public:
    // Serves on an already listening socket (see listensocket.h); reports through listening().
    void listen(qintptr descriptor, bool captureDetails, const ListenerLimits &limits,
                std::shared_ptr<ListenerCounters> counters);
    void setConfig(std::shared_ptr<const gw::deploy::RuntimeConfig> config);
    void shutdown();

signals:
    void listening(const QString &error);

private:
    RequestProcessor *m_processor = nullptr;
    HttpListener *m_listener = nullptr;
    std::function<void(const RequestRecord &)> m_recordSink;
    std::shared_ptr<observe::MetricsRegistry::Recorder> m_recorder;
    std::shared_ptr<AccessLogSinks> m_accessLogs;
    std::shared_ptr<traffic::TrafficState> m_traffic;
    std::shared_ptr<const gw::deploy::RuntimeConfig> m_config;
};

} // namespace gw::runtime
