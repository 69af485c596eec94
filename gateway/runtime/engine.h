#pragma once

#include "accesslogsinks.h"
#include "listener/listenercounters.h"
#include "listener/listenerlimits.h"
#include "requestprocessor.h"
#include "tracestore.h"

#include "gateway/observe/metricsregistry.h"

#include <QHostAddress>
#include <QMutex>
#include <QObject>
#include <QTimer>

#include <memory>
#include <vector>

class QThread;

namespace gw::runtime {

class Worker;

struct EngineOptions
{
    QHostAddress host = QHostAddress::LocalHost; // loopback unless the user asks otherwise
    quint16 port = 4510;                         // 0 picks a free port
    int workers = 0;                             // engine threads; 0: one per core
    bool captureDetails = false;                 // request/response/trace in each record
    ListenerLimits limits;                       // payload, header and timeout limits
    bool liveRecords = true;                     // emit requestsFinished (the live log); off for headless serving
};

// Owns the engine's worker thread, its listener and pipeline, and the deployed configuration.
// The owner (GUI or CLI) talks to it only through this interface; nothing here blocks the
// owner's thread on the network. Finished-request records arrive in batches (at most 10 a
// second), never one signal per request.
// Thread contract: create and call on the owner's thread.
class Engine : public QObject
{
    Q_OBJECT
public:
    explicit Engine(QObject *parent = nullptr);
    ~Engine() override;

    void start(const EngineOptions &options);
    void stop();
    bool isRunning() const { return m_running; }
    int workerCount() const { return int(m_workers.size()); }
    QHostAddress host() const { return m_host; }
    quint16 port() const { return m_port; }

    // Serves `config` from now on; requests in flight finish on the snapshot they began with.
    void deploy(std::shared_ptr<const deploy::RuntimeConfig> config);
    std::shared_ptr<const deploy::RuntimeConfig> config() const { return m_config; }
    quint64 droppedRecords() const;
    // Per-second metrics of every request served; collected about once a second.
    std::shared_ptr<observe::MetricsRegistry> metrics() const { return m_metrics; }
    std::shared_ptr<AccessLogSinks> accessLogs() const { return m_accessLogs; }
    // Recent requests with their traces (filled when EngineOptions::captureDetails is on).
    std::shared_ptr<TraceStore> traces() const { return m_traces; }
    // Token buckets and stage caches shared by the workers; kept across redeploys and restarts.
    std::shared_ptr<traffic::TrafficState> traffic() const { return m_traffic; }
    // Connections and queued answer bytes of every engine thread's listener; readable from any thread.
    std::shared_ptr<const ListenerCounters> listenerCounters() const { return m_listenerCounters; }
    // Prometheus text for the admin listener and tools.
    QByteArray prometheusText();

signals:
    void started(const QHostAddress &host, quint16 port);
    void startFailed(const QString &message);
    void stopped();
    void requestsFinished(const QList<gw::runtime::RequestRecord> &records);

private:
    void onWorkerListening(const QString &error);
    void drainRecords();

    struct WorkerThread
    {
        QThread *thread = nullptr;
        Worker *worker = nullptr;
    };
    QList<WorkerThread> m_workers;
    int m_workersListening = 0;
    bool m_running = false;
    QHostAddress m_host;
    quint16 m_port = 0;
    std::shared_ptr<const deploy::RuntimeConfig> m_config;
    QTimer m_drainTimer;
    QTimer m_collectTimer;
    std::shared_ptr<observe::MetricsRegistry> m_metrics;
    std::shared_ptr<AccessLogSinks> m_accessLogs;
    std::shared_ptr<TraceStore> m_traces;
    std::shared_ptr<traffic::TrafficState> m_traffic;
    std::shared_ptr<ListenerCounters> m_listenerCounters = std::make_shared<ListenerCounters>();

    struct RecordQueue
    {
        QMutex mutex;
        QList<RequestRecord> records;
        quint64 dropped = 0;
    };
    std::shared_ptr<RecordQueue> m_records;
};

} // namespace gw::runtime
