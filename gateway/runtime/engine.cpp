#include "engine.h"

#include "listensocket.h"
#include "worker.h"

#include "gateway/apikeys/quotaledger.h"
#include "gateway/observe/prometheusexposition.h"

#include <QMutexLocker>
#include <QThread>

namespace gw::runtime {

static constexpr qsizetype kMaxQueuedRecords = 10000;

Engine::Engine(QObject *parent)
    : QObject(parent),
      m_metrics(std::make_shared<observe::MetricsRegistry>()),
      m_accessLogs(std::make_shared<AccessLogSinks>()),
      m_traces(std::make_shared<TraceStore>()),
      m_traffic(std::make_shared<traffic::TrafficState>()),
      m_records(std::make_shared<RecordQueue>())
{
    m_collectTimer.setInterval(1000);
    connect(&m_collectTimer, &QTimer::timeout, this, [this]() { m_metrics->collect(); });
    qRegisterMetaType<QList<gw::runtime::RequestRecord>>();
    m_drainTimer.setInterval(100);
    connect(&m_drainTimer, &QTimer::timeout, this, &Engine::drainRecords);
}

Engine::~Engine()
{
    stop();
}

void Engine::start(const EngineOptions &options)
{
    if (!m_workers.isEmpty())
        return;
    m_host = options.host;
    const int count = options.workers > 0 ? options.workers : qMax(1, QThread::idealThreadCount());
    QString error;
    const QList<qintptr> sockets = openListeners(options.host, options.port, count, &error);
    if (sockets.isEmpty()) {
        // Report on the next turn, as a successful start would, so callers see one behaviour.
        QTimer::singleShot(0, this, [this, error]() { emit startFailed(error); });
        return;
    }
    m_port = boundPort(sockets.first());
    std::weak_ptr<RecordQueue> queue = m_records;
    std::weak_ptr<TraceStore> traces = m_traces;
    const bool keepTraces = options.captureDetails;
    std::function<void(const RequestRecord &)> sink;
    if (options.liveRecords || keepTraces)
        sink = [queue, traces, keepTraces, live = options.liveRecords](const RequestRecord &r) {
            if (keepTraces)
                if (auto t = traces.lock())
                    t->add(r);
            auto q = queue.lock();
            if (!q || !live)
                return;
            QMutexLocker lock(&q->mutex);
            if (q->records.size() >= kMaxQueuedRecords) {
                q->records.removeFirst();
                ++q->dropped;
            }
            q->records.append(r);
        };
    m_workersListening = 0;
    for (int i = 0; i < count; ++i) {
        WorkerThread w;
        w.thread = new QThread(this);
        w.thread->setObjectName(QStringLiteral("gatewright-worker-%1").arg(i));
        w.worker = new Worker(sink, m_metrics->newRecorder(), m_accessLogs, m_traffic);
        w.worker->moveToThread(w.thread);
        connect(w.thread, &QThread::finished, w.worker, &QObject::deleteLater);
        connect(w.worker, &Worker::listening, this, &Engine::onWorkerListening);
        w.thread->start();
        if (m_config)
            QMetaObject::invokeMethod(w.worker, [wk = w.worker, c = m_config]() { wk->setConfig(c); }, Qt::QueuedConnection);
        const qintptr fd = sockets[i];
        const bool capture = options.captureDetails;
        const ListenerLimits limits = options.limits;
        QMetaObject::invokeMethod(w.worker, [wk = w.worker, fd, capture, limits, counters = m_listenerCounters]() {
            wk->listen(fd, capture, limits, counters);
        },
                                  Qt::QueuedConnection);
        m_workers.append(w);
    }
}

void Engine::onWorkerListening(const QString &error)
{
    if (!error.isEmpty()) {
        stop();
        emit startFailed(error);
        return;
    }
    if (++m_workersListening < m_workers.size())
        return;
    m_running = true;
    m_drainTimer.start();
    m_collectTimer.start();
    emit started(m_host, m_port);
}

void Engine::stop()
{
    if (m_workers.isEmpty())
        return;
    // Tear each listener down on its own thread, then end the threads. Joining is short: workers
    // never block.
    for (const WorkerThread &w : std::as_const(m_workers))
        QMetaObject::invokeMethod(w.worker, [wk = w.worker]() { wk->shutdown(); }, Qt::BlockingQueuedConnection);
    for (const WorkerThread &w : std::as_const(m_workers)) {
        w.thread->quit();
        w.thread->wait();
        delete w.thread;
    }
    m_workers.clear();
    m_drainTimer.stop();
    m_collectTimer.stop();
    m_metrics->collect();
    m_accessLogs->flushAll();
    drainRecords();
    const bool wasRunning = m_running;
    m_running = false;
    m_port = 0;
    if (wasRunning)
        emit stopped();
}

void Engine::deploy(std::shared_ptr<const deploy::RuntimeConfig> config)
{
    // Usage-plan quotas keep counting across redeploys; the new ledger is not served yet.
    if (config && config->quotas && m_config && m_config->quotas)
        config->quotas->continueFrom(*m_config->quotas);
    m_config = std::move(config);
    if (m_config)
        m_traffic->caches.retainOnly(m_config->cacheNames());
    for (const WorkerThread &w : std::as_const(m_workers))
        QMetaObject::invokeMethod(w.worker, [wk = w.worker, c = m_config]() { wk->setConfig(c); }, Qt::QueuedConnection);
}

QByteArray Engine::prometheusText()
{
    m_metrics->collect();
    return observe::prometheusText(m_metrics->cumulative(),
                                   {{"gatewright_access_log_dropped_lines", double(m_accessLogs->droppedLines())},
                                    {"gatewright_live_records_dropped", double(droppedRecords())},
                                    {"gatewright_listener_open_connections", double(m_listenerCounters->openConnections.load())},
                                    {"gatewright_listener_queued_bytes", double(m_listenerCounters->queuedBytes.load())},
                                    {"gatewright_listener_refused_connections", double(m_listenerCounters->refusedConnections.load())},
                                    {"gatewright_listener_reclaimed_connections", double(m_listenerCounters->reclaimedConnections.load())},
                                    {"gatewright_listener_slow_requests", double(m_listenerCounters->slowRequests.load())}});
}

quint64 Engine::droppedRecords() const
{
    QMutexLocker lock(&m_records->mutex);
    return m_records->dropped;
}

void Engine::drainRecords()
{
    QList<RequestRecord> batch;
    {
        QMutexLocker lock(&m_records->mutex);
        batch.swap(m_records->records);
    }
    if (!batch.isEmpty())
        emit requestsFinished(batch);
}

} // namespace gw::runtime
