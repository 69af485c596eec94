#include "requestprocessor.h"

#include "accesslogvalues.h"

#include "gateway/core/ids.h"
#include "gateway/core/traceid.h"
#include "gateway/integrations/awsintegrator.h"
#include "gateway/observe/secretmask.h"
#include "gateway/integrations/functionauthorizerinvoker.h"
#include "gateway/integrations/httpintegrator.h"
#include "gateway/integrations/lambdaintegrator.h"
#include "gateway/integrations/lambdaproxyevent.h"
#include "gateway/integrations/lambdaproxyeventv2.h"
#include "gateway/integrations/mockintegrator.h"
#include "gateway/integrations/upstreampool.h"
#include "gateway/pipeline/phases/apikeyphase.h"
#include "gateway/pipeline/phases/authorizephase.h"
#include "gateway/pipeline/phases/integratephase.h"
#include "gateway/pipeline/phases/integrationrequestphase.h"
#include "gateway/pipeline/phases/integrationresponsephase.h"
#include "gateway/pipeline/phases/quotaphase.h"
#include "gateway/pipeline/phases/resolvephase.h"
#include "gateway/pipeline/phases/validatephase.h"
#include "gateway/pipeline/phases/cachephase.h"
#include "gateway/pipeline/phases/httpcorsphase.h"
#include "gateway/pipeline/phases/throttlephase.h"
#include "gateway/pipeline/phases/usageplanthrottlephase.h"

namespace gw::runtime {

using namespace gw::pipeline;

RequestProcessor::RequestProcessor(std::shared_ptr<traffic::TrafficState> traffic, QObject *parent) : QObject(parent)
{
    if (!traffic)
        traffic = std::make_shared<traffic::TrafficState>();
    auto upstream = std::make_unique<integrations::UpstreamPool>();
    pipeline::UpstreamTransport *transport = upstream.get();
    m_upstream = std::move(upstream);

    std::vector<std::unique_ptr<Phase>> phases;
    // AWS's order (reference §1): resolve, stage throttle, resource policy + authorizer,
    // API key, usage-plan throttle and quota, validation, cache, then the integration.
    phases.push_back(std::make_unique<ResolvePhase>());

    phases.push_back(std::make_unique<HttpCorsPhase>());
    phases.push_back(std::make_unique<ThrottlePhase>(traffic));

    m_functions = std::make_unique<functions::FunctionRuntime>(transport);
    m_authorizerInvoker = std::make_unique<integrations::FunctionAuthorizerInvoker>(m_functions.get(), transport);
    phases.push_back(std::make_unique<AuthorizePhase>(m_authorizerInvoker.get(), &integrations::lambdaProxyEvent,
                                                      &integrations::lambdaProxyEventV2));

    phases.push_back(std::make_unique<ApiKeyPhase>());

    phases.push_back(std::make_unique<UsagePlanThrottlePhase>(traffic));

    phases.push_back(std::make_unique<QuotaPhase>()); // after the usage-plan throttle, as AWS counts
    phases.push_back(std::make_unique<ValidatePhase>());

    phases.push_back(std::make_unique<CachePhase>(traffic));

    phases.push_back(std::make_unique<IntegrationRequestPhase>(vtlTemplateRenderer()));
    auto integrate = std::make_unique<IntegratePhase>();
    integrate->add(model::IntegrationType::Mock, std::make_unique<integrations::MockIntegrator>());
    integrate->add(model::IntegrationType::Http, std::make_unique<integrations::HttpIntegrator>(transport));
    integrate->add(model::IntegrationType::HttpProxy, std::make_unique<integrations::HttpIntegrator>(transport));
    integrate->add(model::IntegrationType::AwsProxy, std::make_unique<integrations::LambdaIntegrator>(m_functions.get()));
    integrate->add(model::IntegrationType::Aws, std::make_unique<integrations::AwsIntegrator>(m_functions.get(), transport));
    phases.push_back(std::move(integrate));
    phases.push_back(std::make_unique<IntegrationResponsePhase>(vtlTemplateRenderer()));
    m_pipeline = std::make_unique<Pipeline>(std::move(phases));
}

RequestProcessor::~RequestProcessor() = default;

std::shared_ptr<RequestContext> RequestProcessor::newContext(HttpRequest request)
{
    auto ctx = std::make_shared<RequestContext>();
    ctx->timer.start();
    ctx->request = std::move(request);
    ctx->requestTime = QDateTime::currentDateTimeUtc();
    ctx->requestId = gw::newRequestId();
    ctx->extendedRequestId = gw::newExtendedRequestId();
    ctx->traceHeader = gw::traceHeaderFor(ctx->request.headers.value("x-amzn-trace-id"), ctx->requestTime.toSecsSinceEpoch());
    ctx->config = m_config;
    if (m_config) {
        ctx->traceBodyLimit = m_config->traceBodyLimit;
        ctx->secretHeaders = m_config->maskedHeaders;
    }
    return ctx;
}

void RequestProcessor::handle(HttpRequest request, ResponseCallback done)
{
    auto ctx = newContext(std::move(request));
    ctx->trace.setEnabled(m_captureDetails);
    std::weak_ptr<RequestContext> weak = ctx;
    ctx->done = [this, weak, done = std::move(done)](HttpResponse response) {
        if (auto c = weak.lock())
            observe(*c, response);
        if (m_recordSink) {
            if (auto c = weak.lock()) {
                RequestRecord r;
                r.requestId = c->requestId;
                r.apiId = c->api ? c->api->id : QString();
                r.stage = c->stage ? c->stage->name : QString();
                r.method = c->httpMethod();
                r.path = QString::fromUtf8(c->request.rawPath());
                r.resourcePath = c->resourcePath();
                r.status = response.status;
                r.latencyUs = c->elapsedUs();
                r.integrationLatencyMs = c->integrationLatencyMs;
                r.responseBytes = response.body.size();
                r.time = c->requestTime;
                r.isCanaryRequest = c->isCanaryRequest;
                if (m_captureDetails) {
                    r.request = c->request;
                    r.request.headers = observe::maskSecretHeaders(c->request.headers, c->secretHeaders);
                    r.request.target = observe::maskSecretQueryParameters(c->request.target);
                    r.request.body.truncate(RequestRecord::kMaxCapturedBody);
                    r.response = response;
                    r.response.body.truncate(RequestRecord::kMaxCapturedBody);
                    r.trace = c->trace.lines();
                }
                m_recordSink(r);
            }
        }
        done(std::move(response));
    };
    m_pipeline->run(ctx);
}

void RequestProcessor::handleWithTrace(HttpRequest request, ContextCallback done)
{
    auto ctx = newContext(std::move(request));
    ctx->testInvoke = true;
    std::weak_ptr<RequestContext> weak = ctx;
    // The context must live until the callback has read it: keep it in the callback's capture
    // only weakly and let the pipeline's own reference carry it.
    ctx->done = [weak, done = std::move(done)](HttpResponse) {
        if (auto c = weak.lock())
            done(*c);
    };
    m_pipeline->run(ctx);
}

void RequestProcessor::observe(const RequestContext &ctx, const HttpResponse &response)
{
    if (m_recorder && ctx.api) {
        observe::RequestOutcome outcome;
        outcome.status = response.status;
        outcome.latencyUs = ctx.elapsedUs();
        outcome.integrationLatencyUs = ctx.integrationLatencyMs >= 0 ? ctx.integrationLatencyMs * 1000 : -1;
        outcome.cacheResult = ctx.servedFromCache ? 1 : ctx.cacheMissed ? 2 : 0;
        m_recorder->record({ctx.api->id, ctx.stage ? ctx.stage->name : QString(), ctx.resourcePath(), ctx.httpMethod()}, outcome);
    }
    if (m_accessLogs && ctx.stage && ctx.stage->accessLogFormat) {
        const QHash<QString, QString> values = accessLogValues(ctx, response);
        const QString line = ctx.stage->accessLogFormat->render([&](const QString &name) { return values.value(name); });
        m_accessLogs->writer(ctx.stage->accessLogPath)->append(line);
    }
}

RequestHandler RequestProcessor::handler()
{
    return [this](HttpRequest request, ResponseCallback done) { handle(std::move(request), std::move(done)); };
}

} // namespace gw::runtime
