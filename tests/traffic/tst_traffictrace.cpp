#include "testproject.h"

#include "gateway/deploy/runtimeconfig.h"
#include "gateway/model/deployments.h"
#include "gateway/runtime/requestprocessor.h"

#include <QTest>

using namespace gw::model;

// Each throttling and caching decision is one execution-trace line (test-invoke's log), and the
// processors of several threads share one TrafficState.
class TestTrafficTrace : public QObject
{
    Q_OBJECT

    std::shared_ptr<gw::traffic::TrafficState> m_state = std::make_shared<gw::traffic::TrafficState>();
    std::shared_ptr<const gw::deploy::RuntimeConfig> m_config;

    struct Outcome
    {
        int status = 0;
        QStringList trace;
        bool fromCache = false;
    };
    Outcome invoke(const QByteArray &target, const QList<QPair<QByteArray, QByteArray>> &headers = {})
    {
        gw::runtime::RequestProcessor processor(m_state); // a fresh processor each time: state is shared
        processor.setConfig(m_config);
        gw::HttpRequest request;
        request.method = "GET";
        request.target = target;
        for (const auto &h : headers)
            request.headers.append(h.first, h.second);
        Outcome out;
        bool done = false;
        processor.handleWithTrace(request, [&](const gw::pipeline::RequestContext &ctx) {
            out.status = ctx.response.status;
            out.fromCache = ctx.servedFromCache;
            for (const auto &line : ctx.trace.lines())
                out.trace.append(line.text);
            done = true;
        });
        if (!QTest::qWaitFor([&]() { return done; }, 5000))
            qWarning("no answer for %s", target.constData());
        return out;
    }
    static bool has(const QStringList &trace, const QString &start)
    {
        for (const QString &line : trace)
            if (line.startsWith(start))
                return true;
        return false;
    }

private slots:
    void initTestCase()
    {
        Project project;
        Api api = newRestApi(QStringLiteral("Traced"));
        api.id = QStringLiteral("traced");
        for (const QString &p : {QStringLiteral("/cached"), QStringLiteral("/limited")})
            gwtest::addResource(api, p).methods.insert(QStringLiteral("GET"), gwtest::mockMethod(QStringLiteral("GET"), 200, QStringLiteral("{}")));
        Method secret = gwtest::mockMethod(QStringLiteral("GET"), 200, QStringLiteral("{}"));
        secret.integration->cacheKeyParameters = {QStringLiteral("method.request.header.Authorization")};
        gwtest::addResource(api, QStringLiteral("/secret")).methods.insert(QStringLiteral("GET"), secret);
        deploy(api, QStringLiteral("prod"));
        Stage &stage = *api.stage(QStringLiteral("prod"));
        stage.cacheClusterEnabled = true;
        MethodSetting limited;
        limited.throttlingRateLimit = 0.01;
        limited.throttlingBurstLimit = 1;
        limited.cachingEnabled = false;
        stage.methodSettings.insert(QStringLiteral("limited/GET"), limited);
        MethodSetting strict;
        strict.unauthorizedCacheControlHeaderStrategy = QStringLiteral("SUCCEED_WITHOUT_RESPONSE_HEADER");
        stage.methodSettings.insert(QStringLiteral("cached/GET"), strict);
        project.apis = {api};
        m_config = gw::deploy::compile(project, nullptr);
    }

    void cacheMissStoreAndHitAreTraced()
    {
        const Outcome miss = invoke("/restapis/traced/prod/_user_request_/cached");
        QCOMPARE(miss.status, 200);
        QVERIFY(!miss.fromCache);
        QVERIFY2(has(miss.trace, QStringLiteral("Cache miss for key: GET /cached")), qPrintable(miss.trace.join(u'\n')));
        QVERIFY2(has(miss.trace, QStringLiteral("Stored response in cache for key: GET /cached (TTL 300 s)")), qPrintable(miss.trace.join(u'\n')));
        const Outcome hit = invoke("/restapis/traced/prod/_user_request_/cached");
        QVERIFY(hit.fromCache);
        QVERIFY2(has(hit.trace, QStringLiteral("Found response in cache for key: GET /cached")), qPrintable(hit.trace.join(u'\n')));
        QVERIFY(!has(hit.trace, QStringLiteral("Method response body after transformations"))); // no integration ran
        const Outcome ignored = invoke("/restapis/traced/prod/_user_request_/cached", {{"Cache-Control", "max-age=0"}});
        QVERIFY(ignored.fromCache);
        QVERIFY(has(ignored.trace, QStringLiteral("Unauthorized cache invalidation request ignored")));
    }

    void secretKeyValuesAreMaskedInTheTrace()
    {
        const QByteArray token("Bearer eyJhbGciOiJIUzI1NiJ9.c2VjcmV0LXRva2VuLXZhbHVl.sig");
        const Outcome miss = invoke("/restapis/traced/prod/_user_request_/secret", {{"Authorization", token}});
        QVERIFY(has(miss.trace, QStringLiteral("Cache miss for key: GET /secret|header.authorization=")));
        QVERIFY2(!miss.trace.join(u'\n').contains(QLatin1String("c2VjcmV0LXRva2VuLXZhbHVl")), qPrintable(miss.trace.join(u'\n')));
        // The key itself still tells callers apart.
        QVERIFY(invoke("/restapis/traced/prod/_user_request_/secret", {{"Authorization", token}}).fromCache);
        QVERIFY(!invoke("/restapis/traced/prod/_user_request_/secret", {{"Authorization", "Bearer other"}}).fromCache);
    }

    void throttlingIsTraced()
    {
        QCOMPARE(invoke("/restapis/traced/prod/_user_request_/limited").status, 200);
        const Outcome refused = invoke("/restapis/traced/prod/_user_request_/limited");
        QCOMPARE(refused.status, 429);
        QVERIFY2(has(refused.trace, QStringLiteral("Method throttle limit exceeded for GET /limited on stage prod. Limit: 0.01 Burst: 1")),
                 qPrintable(refused.trace.join(u'\n')));
        QVERIFY(!has(refused.trace, QStringLiteral("Cache miss"))); // caching is off for this method
    }
};

QTEST_GUILESS_MAIN(TestTrafficTrace)
#include "tst_traffictrace.moc"
