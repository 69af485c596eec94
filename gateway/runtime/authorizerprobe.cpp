#include "authorizerprobe.h"

#include "requestprocessor.h"

#include "gateway/auth/authorizeroutput.h"
#include "gateway/deploy/runtimeconfig.h"
#include "gateway/model/deployments.h"

#include <QJsonDocument>
#include <QThread>

namespace gw::runtime {

namespace {

const QString kProbeFunction = QStringLiteral("gatewright-authorizer-probe");
const QString kOutputLine = QStringLiteral("Authorizer result body before parsing: ");

model::Method guardedMethod(const model::Authorizer &a, const QStringList &scopes)
{
    model::Method m;
    m.httpMethod = QStringLiteral("ANY");
    const QString type = a.type.toUpper();
    m.authorizationType = type == QLatin1String("TOKEN") || type == QLatin1String("REQUEST") ? QStringLiteral("CUSTOM") : type;
    m.authorizerId = a.id;
    m.authorizationScopes = scopes;
    model::Integration i;
    i.type = model::IntegrationType::AwsProxy;
    i.httpMethod = QStringLiteral("POST");
    i.uri = QStringLiteral("arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/"
                           "arn:aws:lambda:us-east-1:000000000000:function:%1/invocations").arg(kProbeFunction);
    m.integration = i;
    return m;
}

} // namespace

// Lives on the probe's thread: its RequestProcessor (pipeline, function runtime, upstream
// client) is made and used there only.
class ProbeWorker : public QObject
{
public:
    void run(const AuthorizerProbe::Input &input, const std::function<void(AuthorizerProbe::Result)> &done)
    {
        if (!m_processor)
            m_processor = std::make_unique<RequestProcessor>();
        // A fresh compile per run: an empty authorizer cache, keys fetched or read anew.
        m_processor->setConfig(deploy::compile(AuthorizerProbe::probeProject(input), nullptr, input.projectDir));
        HttpRequest request;
        request.method = input.method.toUpper().toLatin1();
        // Always addressed with the stage, also an HTTP API's $default: the router takes
        // /$default/... for it, and a bare "/" on an HTTP API does not resolve (no stage segment).
        QString target = QLatin1Char('/') + input.stage + (input.path.startsWith(QLatin1Char('/')) ? input.path : QLatin1Char('/') + input.path);
        if (!input.query.isEmpty())
            target += QLatin1Char('?') + input.query;
        request.target = QUrl::toPercentEncoding(target, "/?&=%+:@!$'()*,;~");
        request.headers = input.headers;
        request.headers.append("Host", (input.apiId + QStringLiteral(".execute-api.localhost")).toLatin1());
        request.peerAddress = QHostAddress::LocalHost;
        m_processor->handleWithTrace(request, [done](const pipeline::RequestContext &ctx) { done(resultOf(ctx)); });
    }

private:
    static AuthorizerProbe::Result resultOf(const pipeline::RequestContext &ctx)
    {
        AuthorizerProbe::Result r;
        r.status = ctx.response.status;
        r.responseBody = ctx.response.body;
        if (ctx.error) {
            r.errorType = ctx.error->responseType;
            r.reason = ctx.error->message;
        }
        if (!ctx.authorizerError.isEmpty())
            r.reason = ctx.authorizerError;
        if (ctx.authorizer) {
            r.principalId = ctx.authorizer->principalId;
            r.context = ctx.authorizer->context;
            r.claims = ctx.authorizer->claims;
            r.scopes = ctx.authorizer->scopes;
        }
        for (const auto &line : ctx.trace.lines()) {
            if (line.phase != QLatin1String("authorizer") && line.phase != QLatin1String("function"))
                continue;
            r.trace << line.text;
            // What the authorizer answered, also when it denied (then ctx.authorizer is empty).
            if (line.text.startsWith(kOutputLine)) {
                r.output = line.text.mid(kOutputLine.size()).toUtf8();
                const QJsonObject o = QJsonDocument::fromJson(r.output).object();
                r.policyDocument = o.value(QStringLiteral("policyDocument")).toObject();
                if (r.principalId.isEmpty())
                    r.principalId = o.value(QStringLiteral("principalId")).toString();
                if (r.context.isEmpty())
                    r.context = o.value(QStringLiteral("context")).toObject();
            }
        }
        return r;
    }

    std::unique_ptr<RequestProcessor> m_processor;
};

AuthorizerProbe::AuthorizerProbe(QObject *parent) : QObject(parent), m_thread(new QThread), m_worker(new ProbeWorker)
{
    m_thread->setObjectName(QStringLiteral("authorizer-probe"));
    m_worker->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread->start();
}

AuthorizerProbe::~AuthorizerProbe()
{
    m_thread->quit();
    m_thread->wait();
    delete m_thread;
}

void AuthorizerProbe::run(const Input &input, Done done)
{
    QPointer<AuthorizerProbe> self(this);
    ProbeWorker *worker = m_worker;
    QMetaObject::invokeMethod(m_worker, [worker, input, done, self]() {
        worker->run(input, [done, self](Result r) {
            // Back to the probe's owner thread; dropped when the probe is gone.
            QMetaObject::invokeMethod(self, [done, self, r]() {
                if (self)
                    done(r);
            }, Qt::QueuedConnection);
        });
    }, Qt::QueuedConnection);
}

model::Project AuthorizerProbe::probeProject(const Input &input)
{
    model::Project p;
    p.name = QStringLiteral("authorizer probe");
    p.server = input.project.server;
    p.server.traceBodyLimit = 1024 * 1024; // the whole policy, for the panel
    p.aws = input.project.aws;
    p.functions = input.project.functions;
    model::Function echo;
    echo.name = kProbeFunction;
    echo.code = QStringLiteral("exports.handler = async () => ({ statusCode: 200, body: 'authorized' });");
    p.functions.append(echo);
    const model::Api *source = input.project.api(input.apiId);
    model::Api api = model::newRestApi(QStringLiteral("probe"));
    api.id = input.apiId;
    api.type = source ? source->type : model::ApiType::Rest;
    api.design.authorizers = {input.authorizer};
    api.design.resources.clear();
    model::Resource root;
    root.id = QStringLiteral("root");
    root.path = QStringLiteral("/");
    root.methods.insert(QStringLiteral("ANY"), guardedMethod(input.authorizer, input.scopes));
    model::Resource proxy = root;
    proxy.id = QStringLiteral("proxy");
    proxy.path = QStringLiteral("/{proxy+}");
    api.design.resources = {root, proxy};
    model::deploy(api, input.stage, QStringLiteral("authorizer probe"));
    p.apis = {api};
    return p;
}

} // namespace gw::runtime
