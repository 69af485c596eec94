#include "testproject.h"

#include "gateway/deploy/runtimeconfig.h"
#include "gateway/model/deployments.h"
#include "gateway/pipeline/phases/usageplanthrottlephase.h"

#include <QTest>

using namespace gw::model;
using gw::pipeline::PhaseResult;
using gw::pipeline::RequestContext;

// The usage plan's per-key and per-method throttles, driven the way the pipeline drives the phase
// once the API-key phase has identified the key and its plan. (Over sockets this needs the API-key
// phase of the keys branch; the phase itself is tested here.)
class TestUsagePlanThrottlePhase : public QObject
{
    Q_OBJECT

    std::shared_ptr<const gw::deploy::RuntimeConfig> m_config;
    std::shared_ptr<gw::traffic::TrafficState> m_state = std::make_shared<gw::traffic::TrafficState>();

    std::shared_ptr<RequestContext> request(const QString &path, const QString &verb, const QString &key, const QString &plan)
    {
        auto ctx = std::make_shared<RequestContext>();
        ctx->timer.start();
        ctx->config = m_config;
        ctx->api = m_config->api(QStringLiteral("plans"));
        ctx->stage = ctx->api->stages.value(QStringLiteral("prod"));
        ctx->deployment = ctx->stage->deployment;
        ctx->request.method = verb.toLatin1();
        const auto match = ctx->deployment->router.match(path);
        ctx->resource = match->resource;
        ctx->method = ctx->resource->method(verb);
        ctx->apiKeyId = key;
        ctx->usagePlanId = plan;
        ctx->trace.setEnabled(true);
        return ctx;
    }
    QList<int> run(const QString &path, const QString &verb, const QString &key, int n, const QString &plan = QStringLiteral("gold"))
    {
        gw::pipeline::UsagePlanThrottlePhase phase(m_state);
        QList<int> out;
        for (int i = 0; i < n; ++i) {
            auto ctx = request(path, verb, key, plan);
            const PhaseResult r = phase.onRequest(ctx, {});
            out.append(r == PhaseResult::Continue ? 200 : 429);
            if (r == PhaseResult::Respond) {
                if (!ctx->error || ctx->error->responseType != QLatin1String("THROTTLED")
                    || ctx->error->message != QLatin1String("Too Many Requests")
                    || !ctx->error->logLine.startsWith(QLatin1String("Key throttle limit exceeded for Usage Plan ID ") + plan))
                    out.append(-1);
            }
        }
        return out;
    }

private slots:
    void initTestCase()
    {
        Project project;
        Api api = newRestApi(QStringLiteral("Plans"));
        api.id = QStringLiteral("plans");
        for (const QString &p : {QStringLiteral("/pets"), QStringLiteral("/toys")})
            gwtest::addResource(api, p).methods.insert(QStringLiteral("GET"), gwtest::mockMethod(QStringLiteral("GET"), 200, QStringLiteral("{}")));
        deploy(api, QStringLiteral("prod"));
        project.apis = {api};
        UsagePlan gold;
        gold.id = QStringLiteral("gold");
        gold.throttle = ThrottleSettings{0.01, 2};
        UsagePlanStage st;
        st.apiId = QStringLiteral("plans");
        st.stage = QStringLiteral("prod");
        st.methodThrottles.insert(QStringLiteral("/toys/GET"), ThrottleSettings{0.01, 4});
        gold.apiStages = {st};
        UsagePlan free;
        free.id = QStringLiteral("free");
        project.usagePlans = {gold, free};
        m_config = gw::deploy::compile(project, nullptr);
    }

    void eachKeyHasItsOwnBucket()
    {
        QCOMPARE(run(QStringLiteral("/pets"), QStringLiteral("GET"), QStringLiteral("key1"), 3), (QList<int>{200, 200, 429}));
        QCOMPARE(run(QStringLiteral("/pets"), QStringLiteral("GET"), QStringLiteral("key2"), 3), (QList<int>{200, 200, 429}));
    }

    void perMethodLimitReplacesThePerKeyLimit()
    {
        QCOMPARE(run(QStringLiteral("/toys"), QStringLiteral("GET"), QStringLiteral("key1"), 5), (QList<int>{200, 200, 200, 200, 429}));
    }

    void planWithoutThrottleAndRequestsWithoutKeyPass()
    {
        QCOMPARE(run(QStringLiteral("/pets"), QStringLiteral("GET"), QStringLiteral("key3"), 50, QStringLiteral("free")),
                 QList<int>(50, 200));
        QCOMPARE(run(QStringLiteral("/pets"), QStringLiteral("GET"), QString(), 5, QString()), QList<int>(5, 200));
    }
};

QTEST_GUILESS_MAIN(TestUsagePlanThrottlePhase)
#include "tst_usageplanthrottlephase.moc"
