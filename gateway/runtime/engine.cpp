#include "engine.h"

#include "worker.h"

#include "gateway/observe/prometheusexposition.h"

#include <QMutexLocker>
#include <QThread>

namespace gw::runtime {

static constexpr qsizetype kMaxQueuedRecords = 10000;

Engine::Engine(QObject *parent)
    : QObject(parent),
      m_metrics(std::make_shared<observe::MetricsRegistry>()),
      m_accessLogs(std::make_shared<AccessLogSinks>()),
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
    if (m_thread)
        return;
    m_host = options.host;
    m_thread = new QThread(this);
    m_thread->setObjectName(QStringLiteral("gatewright-worker"));
    std::weak_ptr<RecordQueue> queue = m_records;
    std::function<void(const RequestRecord &)> sink;
    if (options.liveRecords)
        sink = [queue](const RequestRecord &r) {
            auto q = queue.lock();
            if (!q)
                return;
            QMutexLocker lock(&q->mutex);
            if (q->records.size() >= kMaxQueuedRecords) {
                q->records.removeFirst();
                ++q->dropped;
            }
            q->records.append(r);
        };
    m_worker = new Worker(sink, m_metrics->newRecorder(), m_accessLogs);
    m_worker->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &Worker::listening, this, &Engine::onWorkerListening);
    m_thread->start();
    if (m_config)
        QMetaObject::invokeMethod(
            m_worker, [w = m_worker, c = m_config]() { w->setConfig(c); }, Qt::QueuedConnection);
    QMetaObject::invokeMethod(
        m_worker, [w = m_worker, options]() { w->listen(options.host, options.port, options.captureDetails); },
        Qt::QueuedConnection);
}

void Engine::onWorkerListening(quint16 port, const QString &error)
{
    if (!error.isEmpty()) {
        stop();
        emit startFailed(error);
        return;
    }
    m_port = port;
    m_running = true;
    m_drainTimer.start();
    m_collectTimer.start();
    // The config may have changed between start() and now; make sure the worker has the latest.
    if (m_config)
        QMetaObject::invokeMethod(
            m_worker, [w = m_worker, c = m_config]() { w->setConfig(c); }, Qt::QueuedConnection);
    emit started(m_host, m_port);
}

void Engine::stop()
{
    if (!m_thread)
        return;
    // Tear the listener down on its own thread, then end the thread. Joining here is short:
    // the worker has no blocking work.
    QMetaObject::invokeMethod(
        m_worker, [w = m_worker]() { w->shutdown(); }, Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
    delete m_thread;
    m_thread = nullptr;
    m_worker = nullptr;
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
    m_config = std::move(config);
    if (m_worker)
        QMetaObject::invokeMethod(
            m_worker, [w = m_worker, c = m_config]() { w->setConfig(c); }, Qt::QueuedConnection);
}

QByteArray Engine::prometheusText()
{
    m_metrics->collect();
    return observe::prometheusText(m_metrics->cumulative(),
        {{"gatewright_access_log_dropped_lines", double(m_accessLogs->droppedLines())},
            {"gatewright_live_records_dropped", double(droppedRecords())}});
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
