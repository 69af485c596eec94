#pragma once

#include "accesslogsinks.h"

#include "gateway/auth/authorizerinvoker.h"
#include "gateway/core/requesthandler.h"
#include "gateway/observe/metricsregistry.h"
#include "gateway/deploy/runtimeconfig.h"
#include "gateway/functions/functionruntime.h"
#include "gateway/pipeline/endpoint.h"
#include "gateway/pipeline/pipeline.h"
#include "gateway/pipeline/templaterenderer.h"
#include "gateway/traffic/trafficstate.h"

#include <QObject>

#include <functional>
#include <memory>

namespace gw::runtime {

// Summary of one finished request, for logs, metrics and the live view.
struct RequestRecord
{
    QString requestId;
    QString apiId;
    QString stage;
    QString method;
    QString path;
    QString resourcePath;
    int status = 0;
    qint64 latencyUs = 0;
    qint64 integrationLatencyMs = -1;
    qint64 responseBytes = 0;
    QDateTime time;
    bool isCanaryRequest = false;
    // Filled only when the processor captures details (the desktop app's live log): the request
    // and response with bodies cut at kMaxCapturedBody, and the execution trace.
    HttpRequest request;
    HttpResponse response;
    QList<pipeline::TraceLine> trace;
    static constexpr qsizetype kMaxCapturedBody = 64 * 1024;
};

// The engine for one thread: the pipeline, its integrators and upstream client, and the current
// configuration snapshot. Requests run on the thread that owns it; it never blocks.
// Thread contract: create, configure and call on one thread (its worker's, or the CLI's for
// test-invoke).
class RequestProcessor : public QObject
{
    Q_OBJECT
public:
    // `traffic`: the engine's shared buckets and caches; null gives this processor its own.
    explicit RequestProcessor(std::shared_ptr<traffic::TrafficState> traffic = nullptr, QObject *parent = nullptr);
    ~RequestProcessor() override;

    void setConfig(std::shared_ptr<const deploy::RuntimeConfig> config) { m_config = std::move(config); }
    std::shared_ptr<const deploy::RuntimeConfig> config() const { return m_config; }

    // Runs one request through the pipeline; `done` gets the response (maybe later).
    void handle(HttpRequest request, ResponseCallback done);
    // The same, for test-invoke: also hands back the finished context with its trace.
    using ContextCallback = std::function<void(const pipeline::RequestContext &)>;
    void handleWithTrace(HttpRequest request, ContextCallback done);

    RequestHandler handler();
    void setRecordSink(std::function<void(const RequestRecord &)> sink) { m_recordSink = std::move(sink); }
    // Metrics and access logs for every request this processor answers.
    void setObservers(std::shared_ptr<observe::MetricsRegistry::Recorder> recorder, std::shared_ptr<AccessLogSinks> sinks)
    {
        m_recorder = std::move(recorder);
        m_accessLogs = std::move(sinks);
    }
    // This thread's functions (Lambda integrations, authorizers): look functions up with
    // config()->function(name) and invoke them here.
    functions::FunctionRuntime *functionRuntime() const { return m_functions.get(); }
    // Capture request, response and trace into every record (costs time on each request).
    void setCaptureDetails(bool capture) { m_captureDetails = capture; }

private:
    std::shared_ptr<pipeline::RequestContext> newContext(HttpRequest request);
    void observe(const pipeline::RequestContext &ctx, const HttpResponse &response);

    std::shared_ptr<const deploy::RuntimeConfig> m_config;
    std::unique_ptr<pipeline::UpstreamTransport> m_upstream;
    std::unique_ptr<functions::FunctionRuntime> m_functions;  // before the pipeline: integrators point to it
    std::unique_ptr<auth::AuthorizerInvoker> m_authorizerInvoker;  // before the pipeline: the authorize phase points to it
    std::unique_ptr<pipeline::Pipeline> m_pipeline;
    std::function<void(const RequestRecord &)> m_recordSink;
    bool m_captureDetails = false;
    std::shared_ptr<observe::MetricsRegistry::Recorder> m_recorder;
    std::shared_ptr<AccessLogSinks> m_accessLogs;
};

} // namespace gw::runtime
