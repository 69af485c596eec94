#include "gatewayclient.h"
#include "testproject.h"

#include "gateway/deploy/runtimeconfig.h"
#include "gateway/model/check.h"
#include "gateway/model/deployments.h"
#include "gateway/runtime/engine.h"

#include <QTest>

using namespace gw::model;

// Stage, method and account throttling over real sockets: 429 THROTTLED with AWS's body.
class TestThrottling : public QObject
{
    Q_OBJECT

    gw::runtime::Engine m_engine;
    gwtest::GatewayClient m_client;
    Project m_project;

    static MethodSetting limits(double rate, int burst)
    {
        MethodSetting s;
        s.throttlingRateLimit = rate;
        s.throttlingBurstLimit = burst;
        return s;
    }
    QString url(const QString &api, const QString &path) const
    {
        return QStringLiteral("http://127.0.0.1:%1/restapis/%2/prod/_user_request_%3").arg(m_engine.port()).arg(api, path);
    }
    // Statuses of `n` sequential requests.
    QList<int> burst(const QByteArray &verb, const QString &u, int n)
    {
        QList<int> statuses;
        for (int i = 0; i < n; ++i)
            statuses.append(m_client.send(verb, u).status);
        return statuses;
    }
    Api &api(const QString &id)
    {
        return *m_project.api(id);
    }
    void redeploy()
    {
        QVERIFY(check(m_project).isEmpty());
        m_engine.deploy(gw::deploy::compile(m_project, nullptr));
        QTest::qWait(50); // the workers take the new snapshot on their next turn
    }

private slots:
    void initTestCase()
    {
        Api a = newRestApi(QStringLiteral("Throttled"));
        a.id = QStringLiteral("thr");
        for (const QString &path : {QStringLiteral("/pets/{id}"), QStringLiteral("/other"), QStringLiteral("/stage")}) {
            auto &r = gwtest::addResource(a, path);
            r.methods.insert(QStringLiteral("GET"), gwtest::mockMethod(QStringLiteral("GET"), 200, QStringLiteral("{\"ok\":true}")));
            r.methods.insert(QStringLiteral("POST"), gwtest::mockMethod(QStringLiteral("POST"), 200, QStringLiteral("{\"ok\":true}")));
        }
        deploy(a, QStringLiteral("prod"));
        // Stage default: 0.1 rps (one token every 10 s), burst 3, for each method.
        a.stage(QStringLiteral("prod"))->methodSettings.insert(QStringLiteral("*/*"), limits(0.1, 3));
        // GET below /pets: burst 1, whatever the id.
        a.stage(QStringLiteral("prod"))->methodSettings.insert(QStringLiteral("pets~1*/GET"), limits(0.1, 1));
        Api h = newRestApi(QStringLiteral("HttpThrottled"));
        h.id = QStringLiteral("httpthr");
        h.type = ApiType::Http;
        gwtest::addResource(h, QStringLiteral("/r")).methods.insert(QStringLiteral("GET"),
            gwtest::mockMethod(QStringLiteral("GET"), 200, QStringLiteral("ok")));
        deploy(h, QStringLiteral("prod"));
        h.stage(QStringLiteral("prod"))->methodSettings.insert(QStringLiteral("GET /r"), limits(0.1, 2));
        m_project.apis = {a, h};
        redeploy();
        QVERIFY(gwtest::startOnFreePort(m_engine));
    }

    void stageRateAnswers429()
    {
        QCOMPARE(burst("GET", url(QStringLiteral("thr"), QStringLiteral("/stage")), 5), (QList<int>{200, 200, 200, 429, 429}));
        const auto r = m_client.send("GET", url(QStringLiteral("thr"), QStringLiteral("/stage")));
        QCOMPARE(r.status, 429);
        QCOMPARE(r.body, QByteArray("{\"message\":\"Too Many Requests\"}"));
        QCOMPARE(r.header("x-amzn-ErrorType"), QByteArray("TooManyRequestsException"));
        QCOMPARE(r.header("Content-Type"), QByteArray("application/json"));
        // The stage default is per method: POST on the same resource has its own bucket.
        QCOMPARE(m_client.send("POST", url(QStringLiteral("thr"), QStringLiteral("/stage"))).status, 200);
    }

    void wildcardMethodOverrideWins()
    {
        QCOMPARE(burst("GET", url(QStringLiteral("thr"), QStringLiteral("/pets/7")), 2), (QList<int>{200, 429}));
        // The same method under another id shares the method's bucket.
        QCOMPARE(m_client.send("GET", url(QStringLiteral("thr"), QStringLiteral("/pets/8"))).status, 429);
        // POST is not matched by the GET override: the stage default's burst of 3 applies.
        QCOMPARE(burst("POST", url(QStringLiteral("thr"), QStringLiteral("/pets/7")), 4), (QList<int>{200, 200, 200, 429}));
    }

    void httpApiRouteSettingsThrottle()
    {
        const QString u = QStringLiteral("http://127.0.0.1:%1/prod/r").arg(m_engine.port());
        const QList<QPair<QByteArray, QByteArray>> host{{"Host", "httpthr.execute-api.localhost"}};
        QCOMPARE(m_client.send("GET", u, host).status, 200);
        QCOMPARE(m_client.send("GET", u, host).status, 200);
        const auto r = m_client.send("GET", u, host);
        QCOMPARE(r.status, 429);
        QCOMPARE(r.body, QByteArray("{\"message\":\"Too Many Requests\"}"));
    }

    void redeployKeepsBucketsUntilLimitsChange()
    {
        redeploy();
        QCOMPARE(m_client.send("GET", url(QStringLiteral("thr"), QStringLiteral("/stage"))).status, 429);
        api(QStringLiteral("thr")).stage(QStringLiteral("prod"))->methodSettings[QStringLiteral("*/*")] = limits(0.1, 2);
        redeploy();
        QCOMPARE(burst("GET", url(QStringLiteral("thr"), QStringLiteral("/stage")), 3), (QList<int>{200, 200, 429}));
    }

    void accountLimitCoversEveryApi()
    {
        api(QStringLiteral("thr")).stage(QStringLiteral("prod"))->methodSettings.clear();
        m_project.server.accountThrottle = ThrottleSettings{0.1, 4};
        redeploy();
        QCOMPARE(burst("GET", url(QStringLiteral("thr"), QStringLiteral("/other")), 3), (QList<int>{200, 200, 200}));
        QCOMPARE(m_client.send("POST", url(QStringLiteral("thr"), QStringLiteral("/other"))).status, 200);
        QCOMPARE(m_client.send("POST", url(QStringLiteral("thr"), QStringLiteral("/pets/1"))).status, 429);
        m_project.server.accountThrottle.reset();
        redeploy();
        QCOMPARE(m_client.send("POST", url(QStringLiteral("thr"), QStringLiteral("/pets/1"))).status, 200);
    }

    void throttledRequestsCountAs4xx()
    {
        m_engine.metrics()->collect();
        const qint64 now = m_engine.metrics()->nowSecond();
        const auto total = m_engine.metrics()->total({QStringLiteral("thr"), {}, {}, {}}, now - 120, now + 1);
        QVERIFY2(total.errors4xx >= 8, qPrintable(QString::number(total.errors4xx)));
    }
};

QTEST_GUILESS_MAIN(TestThrottling)
#include "tst_throttling.moc"
