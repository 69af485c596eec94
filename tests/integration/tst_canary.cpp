#include "gatewayclient.h"
#include "testproject.h"

#include "gateway/deploy/runtimeconfig.h"
#include "gateway/model/check.h"
#include "gateway/model/deployments.h"
#include "gateway/runtime/engine.h"
#include "gateway/runtime/requestprocessor.h"

#include <QSignalSpy>
#include <QTest>

using namespace gw::model;

// Canary releases: percentTraffic of a stage's requests go to the canary deployment with the
// canary's stage-variable overrides.
class TestCanary : public QObject
{
    Q_OBJECT

    gw::runtime::Engine m_engine;
    gwtest::GatewayClient m_client;
    Project m_project;

    void serveWithCanaryPercent(double percent)
    {
        m_project.apis[0].stage(QStringLiteral("live"))->canary->percentTraffic = percent;
        m_engine.deploy(gw::deploy::compile(m_project, nullptr));
    }
    QByteArray call()
    {
        return m_client.send("GET", QStringLiteral("http://127.0.0.1:%1/restapis/canapi/live/_user_request_/v").arg(m_engine.port())).body;
    }

private slots:
    void initTestCase()
    {
        Api api = newRestApi(QStringLiteral("Canary"));
        api.id = QStringLiteral("canapi");
        gwtest::addResource(api, QStringLiteral("/v")).methods.insert(QStringLiteral("GET"),
            gwtest::mockMethod(QStringLiteral("GET"), 200, QStringLiteral("stable")));
        const QString stable = deploy(api, QStringLiteral("live"));
        api.design.resource(QStringLiteral("/v"))->methods[QStringLiteral("GET")] =
            gwtest::mockMethod(QStringLiteral("GET"), 200, QStringLiteral("candidate"));
        const QString candidate = deploy(api, QStringLiteral("scratch"));
        Stage *live = api.stage(QStringLiteral("live"));
        live->deploymentId = stable;
        CanarySettings canary;
        canary.deploymentId = candidate;
        canary.stageVariableOverrides.insert(QStringLiteral("color"), QStringLiteral("green"));
        live->canary = canary;
        live->variables.insert(QStringLiteral("color"), QStringLiteral("blue"));
        m_project.apis.append(api);
        QVERIFY(check(m_project).isEmpty());
        m_engine.deploy(gw::deploy::compile(m_project, nullptr));
        QVERIFY(gwtest::startOnFreePort(m_engine));
    }

    void noTrafficStaysOnTheStableDeployment()
    {
        serveWithCanaryPercent(0);
        for (int i = 0; i < 20; ++i)
            QCOMPARE(call(), QByteArray("stable"));
    }

    void allTrafficGoesToTheCanary()
    {
        serveWithCanaryPercent(100);
        QTRY_COMPARE(call(), QByteArray("candidate"));
        for (int i = 0; i < 20; ++i)
            QCOMPARE(call(), QByteArray("candidate"));
    }

    void aShareSplitsTraffic()
    {
        serveWithCanaryPercent(50);
        QTest::qWait(50);
        int canary = 0;
        for (int i = 0; i < 400; ++i)
            canary += call() == "candidate";
        // 400 draws at 50 %: far outside 120..280 is a broken split, not bad luck (p < 1e-15).
        QVERIFY2(canary > 120 && canary < 280, qPrintable(QString::number(canary)));
    }

    void canaryRequestsSeeTheOverriddenVariablesAndFlag()
    {
        serveWithCanaryPercent(100);
        QTest::qWait(50);
        gw::runtime::RequestProcessor processor;
        processor.setConfig(gw::deploy::compile(m_project, nullptr));
        gw::HttpRequest request;
        request.method = "GET";
        request.target = "/restapis/canapi/live/_user_request_/v";
        bool canary = false;
        QString color;
        processor.handleWithTrace(request, [&](const gw::pipeline::RequestContext &ctx) {
            canary = ctx.contextObject().value(QStringLiteral("isCanaryRequest")).toBool();
            color = ctx.stageVariables.value(QStringLiteral("color"));
        });
        QTRY_VERIFY(!color.isEmpty());
        QVERIFY(canary);
        QCOMPARE(color, QStringLiteral("green"));
    }
};

QTEST_GUILESS_MAIN(TestCanary)
#include "tst_canary.moc"
