#include "worker.h"

#include "qthttptransport.h"

#include <QTcpServer>

namespace gw::runtime {

Worker::Worker(std::function<void(const RequestRecord &)> recordSink,
               std::shared_ptr<observe::MetricsRegistry::Recorder> recorder, std::shared_ptr<AccessLogSinks> accessLogs)
    : m_recordSink(std::move(recordSink)), m_recorder(std::move(recorder)), m_accessLogs(std::move(accessLogs))
{
}

void Worker::listen(qintptr descriptor, bool captureDetails)
{
    m_processor = new RequestProcessor(this);
    m_processor->setRecordSink(m_recordSink);
    m_processor->setCaptureDetails(captureDetails);
    m_processor->setObservers(m_recorder, m_accessLogs);
    m_processor->setConfig(m_config);
    m_transport = new QtHttpTransport(m_processor->handler(), this);
    auto *server = new QTcpServer(m_transport);
    if (!server->setSocketDescriptor(descriptor)) {
        emit listening(QStringLiteral("cannot adopt the listening socket: %1").arg(server->errorString()));
        return;
    }
    m_transport->bind(server);
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
    delete m_transport;
    m_transport = nullptr;
    delete m_processor;
    m_processor = nullptr;
}

} // namespace gw::runtime
