#include "gatewayclient.h"
#include "testproject.h"

#include "gateway/deploy/runtimeconfig.h"
#include "gateway/model/check.h"
#include "gateway/model/deployments.h"
#include "gateway/runtime/engine.h"

#include <QTest>

using namespace gw::model;

// A usage plan's per-key and per-method throttles over real sockets, behind the API-key phase.
class TestUsagePlanThrottle : public QObject
{
    Q_OBJECT

    gw::runtime::Engine m_engine;
    gwtest::GatewayClient m_client;

    static constexpr const char *kGold1 = "gold1KeyValue0000000000001";
    static constexpr const char *kGold2 = "gold2KeyValue0000000000002";
    static constexpr const char *kFree = "freeKeyValue00000000000003";

    int call(const QString &path, const char *key)
    {
        return m_client.send("GET", QStringLiteral("http://127.0.0.1:%1/restapis/planapi/prod/_user_request_%2").arg(m_engine.port()).arg(path),
                             {{"X-API-Key", key}}).status;
    }
    QList<int> calls(const QString &path, const char *key, int n)
    {
        QList<int> out;
        for (int i = 0; i < n; ++i)
            out.append(call(path, key));
        return out;
    }
    static ApiKey key(const QString &id, const char *value)
    {
        ApiKey k;
        k.id = id;
        k.name = id;
        k.value = QString::fromLatin1(value);
        return k;
    }

private slots:
    void initTestCase()
    {
        Project project;
        Api api = newRestApi(QStringLiteral("Plans"));
        api.id = QStringLiteral("planapi");
        for (const QString &p : {QStringLiteral("/pets"), QStringLiteral("/toys")}) {
            Method m = gwtest::mockMethod(QStringLiteral("GET"), 200, QStringLiteral("{}"));
            m.apiKeyRequired = true;
            gwtest::addResource(api, p).methods.insert(QStringLiteral("GET"), m);
        }
        deploy(api, QStringLiteral("prod"));
        project.apis = {api};
        project.apiKeys = {key(QStringLiteral("g1"), kGold1), key(QStringLiteral("g2"), kGold2), key(QStringLiteral("f1"), kFree)};
        UsagePlan gold;
        gold.id = QStringLiteral("gold");
        gold.name = QStringLiteral("gold");
        gold.throttle = ThrottleSettings{0.01, 2};
        gold.apiStages = {{QStringLiteral("planapi"), QStringLiteral("prod"), {{QStringLiteral("/toys/GET"), ThrottleSettings{0.01, 3}}}}};
        gold.apiKeyIds = {QStringLiteral("g1"), QStringLiteral("g2")};
        UsagePlan free;
        free.id = QStringLiteral("free");
        free.name = QStringLiteral("free");
        free.apiStages = {{QStringLiteral("planapi"), QStringLiteral("prod"), {}}};
        free.apiKeyIds = {QStringLiteral("f1")};
        project.usagePlans = {gold, free};
        const auto problems = check(project);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.isEmpty() ? QString() : problems.first().path + problems.first().message));
        m_engine.deploy(gw::deploy::compile(project, nullptr));
        QVERIFY(gwtest::startOnFreePort(m_engine));
    }

    void eachKeyIsThrottledOnItsOwn()
    {
        QCOMPARE(calls(QStringLiteral("/pets"), kGold1, 3), (QList<int>{200, 200, 429}));
        const auto r = m_client.send("GET", QStringLiteral("http://127.0.0.1:%1/restapis/planapi/prod/_user_request_/pets").arg(m_engine.port()),
                                     {{"X-API-Key", kGold1}});
        QCOMPARE(r.body, QByteArray("{\"message\":\"Too Many Requests\"}"));
        QCOMPARE(calls(QStringLiteral("/pets"), kGold2, 3), (QList<int>{200, 200, 429}));
    }

    void methodThrottleReplacesTheKeyThrottle()
    {
        QCOMPARE(calls(QStringLiteral("/toys"), kGold1, 4), (QList<int>{200, 200, 200, 429}));
    }

    void planWithoutThrottleIsNotLimited()
    {
        QCOMPARE(calls(QStringLiteral("/pets"), kFree, 20), QList<int>(20, 200));
    }
};

QTEST_GUILESS_MAIN(TestUsagePlanThrottle)
#include "tst_usageplanthrottle.moc"
