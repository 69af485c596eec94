#include "gatewayclient.h"
#include "testproject.h"
#include "upstreamserver.h"

#include "gateway/deploy/runtimeconfig.h"
#include "gateway/model/check.h"
#include "gateway/model/deployments.h"
#include "gateway/runtime/engine.h"

#include <QTest>

using namespace gw::model;

// The stage cache over real sockets with a real upstream that counts its calls.
class TestStageCacheViaGateway : public QObject
{
    Q_OBJECT

    gwtest::UpstreamServer m_upstream;
    gw::runtime::Engine m_engine;
    gwtest::GatewayClient m_client;
    Project m_project;
    int m_served = 0;

    Api &api() { return m_project.apis[0]; }
    Stage &stage() { return *api().stage(QStringLiteral("prod")); }
    QString url(const QString &path) const
    {
        return QStringLiteral("http://127.0.0.1:%1/restapis/cached/prod/_user_request_%2").arg(m_engine.port()).arg(path);
    }
    int upstreamCalls() const { return int(m_upstream.received().size()); }
    gwtest::Reply get(const QString &path, const QList<QPair<QByteArray, QByteArray>> &headers = {})
    {
        return m_client.send("GET", url(path), headers);
    }
    Method &addHttpGet(const QString &path, const QStringList &keyParameters = {})
    {
        Method m = gwtest::httpMethod(QStringLiteral("GET"), IntegrationType::HttpProxy, m_upstream.baseUrl() + path);
        m.integration->cacheKeyParameters = keyParameters;
        return gwtest::addResource(api(), path).methods[QStringLiteral("GET")] = m;
    }
    MethodSetting &setting(const QString &key) { return stage().methodSettings[key]; }
    void redeploy()
    {
        deploy(api(), QStringLiteral("prod"));
        const auto problems = check(m_project);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.isEmpty() ? QString() : problems.first().message));
        m_engine.deploy(gw::deploy::compile(m_project, nullptr));
        QTest::qWait(50);
    }
    gw::traffic::StageCache::Stats cacheStats()
    {
        const auto cache = m_engine.traffic()->caches.find(QStringLiteral("cached/prod"));
        return cache ? cache->stats() : gw::traffic::StageCache::Stats{};
    }

private slots:
    void initTestCase()
    {
        Api a = newRestApi(QStringLiteral("Cached"));
        a.id = QStringLiteral("cached");
        m_project.apis.append(a);
        deploy(api(), QStringLiteral("prod"));
        stage().cacheClusterEnabled = true;
        stage().cacheClusterSize = QStringLiteral("0.5");
        m_upstream.setHandler([this](const gw::HttpRequest &r) {
            gw::HttpResponse resp{200, {}, {}};
            resp.headers.append("Content-Type", "application/json");
            const int status = r.target.startsWith("/fail") ? 500 : 200;
            resp.status = status;
            resp.body = QByteArray("{\"n\":") + QByteArray::number(++m_served) + ",\"target\":\"" + r.target + "\"}";
            if (r.target.startsWith("/big"))
                resp.body += QByteArray(900, ' ');
            return gwtest::UpstreamServer::Answer{resp, 0};
        });
        for (const QString &p : {QStringLiteral("/hit"), QStringLiteral("/ttl"), QStringLiteral("/inv"), QStringLiteral("/fail"),
                                 QStringLiteral("/enc"), QStringLiteral("/canary")})
            addHttpGet(p);
        addHttpGet(QStringLiteral("/keyed/{id}"), {QStringLiteral("method.request.querystring.q"), QStringLiteral("method.request.header.X-Tenant"),
                                                   QStringLiteral("method.request.path.id")});
        addHttpGet(QStringLiteral("/big"), {QStringLiteral("method.request.querystring.k")});
        Method post = gwtest::httpMethod(QStringLiteral("POST"), IntegrationType::HttpProxy, m_upstream.baseUrl() + QStringLiteral("/hit"));
        gwtest::addResource(api(), QStringLiteral("/hit")).methods.insert(QStringLiteral("POST"), post);
        setting(QStringLiteral("ttl/GET")).cacheTtlInSeconds = 1;
        setting(QStringLiteral("enc/GET")).cacheDataEncrypted = true;
        redeploy();
        QVERIFY(gwtest::startOnFreePort(m_engine));
    }

    void cacheHitSkipsIntegration()
    {
        const int before = upstreamCalls();
        const auto first = get(QStringLiteral("/hit"));
        const auto second = get(QStringLiteral("/hit"));
        QCOMPARE(first.status, 200);
        QCOMPARE(second.status, 200);
        QCOMPARE(second.body, first.body);
        QCOMPARE(upstreamCalls(), before + 1);
        QVERIFY(second.header("x-amzn-RequestId") != first.header("x-amzn-RequestId")); // fresh ids on a hit
        // POST is not cached unless its method setting says so.
        m_client.send("POST", url(QStringLiteral("/hit")));
        m_client.send("POST", url(QStringLiteral("/hit")));
        QCOMPARE(upstreamCalls(), before + 3);
    }

    void hitsAndMissesAreCountedInMetrics()
    {
        get(QStringLiteral("/hit"));
        m_engine.metrics()->collect();
        const qint64 now = m_engine.metrics()->nowSecond();
        const auto total = m_engine.metrics()->total({QStringLiteral("cached"), {}, QStringLiteral("/hit"), QStringLiteral("GET")}, now - 60, now + 1);
        QCOMPARE(total.cacheMisses, quint64(1));
        QCOMPARE(total.cacheHits, quint64(2));
    }

    void postCachedWhenEnabledForTheMethod()
    {
        setting(QStringLiteral("hit/POST")).cachingEnabled = true;
        redeploy();
        const int before = upstreamCalls();
        m_client.send("POST", url(QStringLiteral("/hit")));
        m_client.send("POST", url(QStringLiteral("/hit")));
        QCOMPARE(upstreamCalls(), before + 1);
    }

    void keyParametersSplitTheCache()
    {
        const int before = upstreamCalls();
        const QList<QPair<QByteArray, QByteArray>> acme{{"X-Tenant", "acme"}};
        const QList<QPair<QByteArray, QByteArray>> other{{"X-Tenant", "other"}};
        const auto a = get(QStringLiteral("/keyed/1?q=a"), acme);
        QCOMPARE(get(QStringLiteral("/keyed/1?q=a"), acme).body, a.body);
        QCOMPARE(upstreamCalls(), before + 1);
        QVERIFY(get(QStringLiteral("/keyed/1?q=b"), acme).body != a.body);  // another query value
        QVERIFY(get(QStringLiteral("/keyed/1?q=a"), other).body != a.body);  // another header value
        QVERIFY(get(QStringLiteral("/keyed/2?q=a"), acme).body != a.body);   // another path value
        QCOMPARE(upstreamCalls(), before + 4);
        // A parameter outside the key does not split it.
        QCOMPARE(get(QStringLiteral("/keyed/1?q=a&unrelated=1"), acme).body, a.body);
        QCOMPARE(upstreamCalls(), before + 4);
    }

    void entriesExpireAfterTheTtl()
    {
        const int before = upstreamCalls();
        const auto first = get(QStringLiteral("/ttl"));
        QCOMPARE(get(QStringLiteral("/ttl")).body, first.body);
        QCOMPARE(upstreamCalls(), before + 1);
        QTest::qWait(1100);
        QVERIFY(get(QStringLiteral("/ttl")).body != first.body);
        QCOMPARE(upstreamCalls(), before + 2);
    }

    void errorStatusesAreNotCached()
    {
        const int before = upstreamCalls();
        QCOMPARE(get(QStringLiteral("/fail")).status, 500);
        QCOMPARE(get(QStringLiteral("/fail")).status, 500);
        QCOMPARE(upstreamCalls(), before + 2);
    }

    void maxAgeZeroInvalidatesWhenAuthorizationIsNotRequired()
    {
        setting(QStringLiteral("inv/GET")).requireAuthorizationForCacheControl = false;
        redeploy();
        const int before = upstreamCalls();
        const auto first = get(QStringLiteral("/inv"));
        const auto fresh = get(QStringLiteral("/inv"), {{"Cache-Control", "max-age=0"}});
        QVERIFY(fresh.body != first.body);
        QCOMPARE(get(QStringLiteral("/inv")).body, fresh.body); // the fresh answer replaced the entry
        QCOMPARE(upstreamCalls(), before + 2);
    }

    void unauthorizedInvalidationStrategies_data()
    {
        QTest::addColumn<QString>("strategy");
        QTest::addColumn<int>("status");
        QTest::addColumn<bool>("warningHeader");
        QTest::newRow("FAIL_WITH_403") << QStringLiteral("FAIL_WITH_403") << 403 << false;
        QTest::newRow("SUCCEED_WITH_RESPONSE_HEADER") << QStringLiteral("SUCCEED_WITH_RESPONSE_HEADER") << 200 << true;
        QTest::newRow("SUCCEED_WITHOUT_RESPONSE_HEADER") << QStringLiteral("SUCCEED_WITHOUT_RESPONSE_HEADER") << 200 << false;
    }
    void unauthorizedInvalidationStrategies()
    {
        QFETCH(QString, strategy);
        QFETCH(int, status);
        QFETCH(bool, warningHeader);
        setting(QStringLiteral("inv/GET")).requireAuthorizationForCacheControl = true;
        setting(QStringLiteral("inv/GET")).unauthorizedCacheControlHeaderStrategy = strategy;
        redeploy();
        const auto cached = get(QStringLiteral("/inv"));
        const int before = upstreamCalls();
        const auto r = get(QStringLiteral("/inv"), {{"Cache-Control", "max-age=0"}});
        QCOMPARE(r.status, status);
        QCOMPARE(upstreamCalls(), before); // never reaches the integration
        QCOMPARE(!r.header("Warning").isEmpty(), warningHeader);
        if (status == 403) {
            QVERIFY(r.body.contains("is not authorized to perform: execute-api:InvalidateCache"));
            QCOMPARE(r.header("x-amzn-ErrorType"), QByteArray("AccessDeniedException"));
        } else {
            QCOMPARE(r.body, cached.body); // served from the cache
        }
        // A SigV4-signed caller stands for one holding execute-api:InvalidateCache.
        const auto signedCall = get(QStringLiteral("/inv"), {{"Cache-Control", "max-age=0"},
                                                            {"Authorization", "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/us-east-1/execute-api/aws4_request, SignedHeaders=host, Signature=00"}});
        QCOMPARE(signedCall.status, 200);
        QCOMPARE(upstreamCalls(), before + 1);
    }

    void capacityBoundEvictsLeastRecentlyUsed()
    {
        // ~1 KB answers; room for three of them.
        m_engine.traffic()->caches.flushAll();
        get(QStringLiteral("/big?k=probe"));
        const qint64 entry = cacheStats().usedBytes;
        QVERIFY(entry > 900);
        m_engine.traffic()->caches.setCapacityLimit(entry * 3 + entry / 2);
        redeploy();
        get(QStringLiteral("/big?k=a"));
        QCOMPARE(cacheStats().entries, qint64(1)); // a new size: a new cache, without the probe
        get(QStringLiteral("/big?k=b"));
        get(QStringLiteral("/big?k=c"));
        const int before = upstreamCalls();
        get(QStringLiteral("/big?k=a"));          // hit: a is now the most recent
        get(QStringLiteral("/big?k=d"));          // miss: evicts b
        QCOMPARE(upstreamCalls(), before + 1);
        get(QStringLiteral("/big?k=a"));
        get(QStringLiteral("/big?k=c"));
        get(QStringLiteral("/big?k=d"));
        QCOMPARE(upstreamCalls(), before + 1);
        get(QStringLiteral("/big?k=b"));
        QCOMPARE(upstreamCalls(), before + 2);
        const auto stats = cacheStats();
        QVERIFY(stats.usedBytes <= stats.capacityBytes);
        QVERIFY(stats.evictions >= 2);
        m_engine.traffic()->caches.setCapacityLimit(0);
        redeploy();
    }

    void encryptedEntriesHoldNoPlaintext()
    {
        get(QStringLiteral("/hit"));
        const auto first = get(QStringLiteral("/enc"));
        QCOMPARE(first.status, 200);
        const auto cache = m_engine.traffic()->caches.find(QStringLiteral("cached/prod"));
        QVERIFY(cache);
        const QByteArray stored = cache->storedBytes(QStringLiteral("GET /enc"));
        QVERIFY(!stored.isEmpty());
        QVERIFY(!stored.contains(first.body));
        QVERIFY(!stored.contains("\"target\":\"/enc\""));
        const int before = upstreamCalls();
        QCOMPARE(get(QStringLiteral("/enc")).body, first.body); // decrypted on the way out
        QCOMPARE(upstreamCalls(), before);
        QVERIFY(cache->storedBytes(QStringLiteral("GET /hit")).contains("\"target\":\"/hit\"")); // plain entries are plain
    }

    void flushEmptiesTheStageCache()
    {
        get(QStringLiteral("/hit"));
        QVERIFY(m_engine.traffic()->caches.flush(QStringLiteral("cached/prod")));
        const int before = upstreamCalls();
        get(QStringLiteral("/hit"));
        QCOMPARE(upstreamCalls(), before + 1);
    }

    void canaryUsesTheStageCacheOnlyWhenAsked_data()
    {
        QTest::addColumn<bool>("useStageCache");
        QTest::addColumn<int>("calls");
        QTest::newRow("useStageCache off") << false << 3;
        QTest::newRow("useStageCache on") << true << 1;
    }
    void canaryUsesTheStageCacheOnlyWhenAsked()
    {
        QFETCH(bool, useStageCache);
        QFETCH(int, calls);
        CanarySettings canary;
        canary.deploymentId = stage().deploymentId; // the same deployment: shared entries when allowed
        canary.percentTraffic = 100.0;
        canary.useStageCache = useStageCache;
        stage().canary = canary;
        m_engine.deploy(gw::deploy::compile(m_project, nullptr));
        QTest::qWait(50);
        m_engine.traffic()->caches.flushAll();
        const int before = upstreamCalls();
        for (int i = 0; i < 3; ++i)
            QCOMPARE(get(QStringLiteral("/canary")).status, 200);
        QCOMPARE(upstreamCalls(), before + calls);
        stage().canary.reset();
    }
};

QTEST_GUILESS_MAIN(TestStageCacheViaGateway)
#include "tst_stagecacheviagateway.moc"
