#include "worker.h"

#include "listener/httplistener.h"


namespace gw::runtime {

Worker::Worker(std::function<void(const RequestRecord &)> recordSink,
               std::shared_ptr<observe::MetricsRegistry::Recorder> recorder, std::shared_ptr<AccessLogSinks> accessLogs,
               std::shared_ptr<traffic::TrafficState> traffic)
    : m_recordSink(std::move(recordSink)), m_recorder(std::move(recorder)), m_accessLogs(std::move(accessLogs)),
      m_traffic(std::move(traffic))
{
}

void Worker::listen(qintptr descriptor, bool captureDetails, const ListenerLimits &limits,
                    std::shared_ptr<ListenerCounters> counters)
{
    m_processor = new RequestProcessor(m_traffic, this);
    m_processor->setRecordSink(m_recordSink);
    m_processor->setCaptureDetails(captureDetails);
    m_processor->setObservers(m_recorder, m_accessLogs);
    m_processor->setConfig(m_config);
    m_listener = new HttpListener(m_processor->handler(), limits, this, std::move(counters));
    if (!m_listener->setSocketDescriptor(descriptor)) {
        emit listening(QStringLiteral("cannot adopt the listening socket: %1").arg(m_listener->errorString()));
        return;
    }
    emit listening(QString());
}

void Worker::setConfig(std::shared_ptr<const gw::deploy::RuntimeConfig> config)
{
    m_config = std::move(config);
    if (m_processor)
        m_processor->setConfig(m_config);
}

void Worker::shutdown()
{
    delete m_listener;
    m_listener = nullptr;
    delete m_processor;
    m_processor = nullptr;
}

} // namespace gw::runtime
