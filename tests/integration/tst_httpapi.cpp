#include "gatewayclient.h"
#include "testproject.h"
#include "upstreamserver.h"

#include "gateway/deploy/runtimeconfig.h"
#include "gateway/model/deployments.h"
#include "gateway/runtime/engine.h"

#include <QSignalSpy>
#include <QTest>

using namespace gw::model;

// HTTP APIs (v2): $default stage at the root, $default route, 404/503 bodies, apigw-requestid.
class TestHttpApi : public QObject
{
    Q_OBJECT

    gwtest::UpstreamServer m_upstream;
    gw::runtime::Engine m_engine;
    gwtest::GatewayClient m_client;

    QString hostUrl(const QString &path) const { return QStringLiteral("http://127.0.0.1:%1%2").arg(m_engine.port()).arg(path); }
    QList<QPair<QByteArray, QByteArray>> host(const char *api) const
    {
        return {{"Host", QByteArray(api) + ".execute-api.localhost:" + QByteArray::number(m_engine.port())}};
    }

private slots:
    void initTestCase()
    {
        Project project;
        Api withDefault = newRestApi(QStringLiteral("Http"));
        withDefault.id = QStringLiteral("httpapi");
        withDefault.type = ApiType::Http;
        gwtest::addResource(withDefault, QStringLiteral("/pets")).methods.insert(QStringLiteral("GET"),
            gwtest::httpMethod(QStringLiteral("GET"), IntegrationType::HttpProxy, m_upstream.baseUrl() + QStringLiteral("/pets")));
        gwtest::addResource(withDefault, QStringLiteral("/")).methods.insert(QStringLiteral("GET"),
            gwtest::httpMethod(QStringLiteral("GET"), IntegrationType::HttpProxy, m_upstream.baseUrl() + QStringLiteral("/root")));
        gwtest::addResource(withDefault, QStringLiteral("/slow")).methods.insert(QStringLiteral("GET"),
            gwtest::httpMethod(QStringLiteral("GET"), IntegrationType::HttpProxy, m_upstream.baseUrl() + QStringLiteral("/slow"), 200));
        withDefault.design.defaultRoute = gwtest::httpMethod(QStringLiteral("ANY"), IntegrationType::HttpProxy,
                                                             m_upstream.baseUrl() + QStringLiteral("/fallback"));
        deploy(withDefault, QStringLiteral("$default"));
        Api noDefault = newRestApi(QStringLiteral("Strict"));
        noDefault.id = QStringLiteral("strictapi");
        noDefault.type = ApiType::Http;
        gwtest::addResource(noDefault, QStringLiteral("/only")).methods.insert(QStringLiteral("GET"),
            gwtest::httpMethod(QStringLiteral("GET"), IntegrationType::HttpProxy, m_upstream.baseUrl() + QStringLiteral("/only")));
        deploy(noDefault, QStringLiteral("v1"));
        project.apis = {withDefault, noDefault};
        m_upstream.setHandler([](const gw::HttpRequest &r) {
            const int delay = r.target.startsWith("/slow") ? 2000 : 0;
            return gwtest::UpstreamServer::Answer{gw::HttpResponse{200, {}, "upstream " + r.target}, delay};
        });
        m_engine.deploy(gw::deploy::compile(project, nullptr));
        QVERIFY(gwtest::startOnFreePort(m_engine));
    }

    void defaultStageServesAtTheRoot()
    {
        const auto r = m_client.send("GET", hostUrl(QStringLiteral("/pets")), host("httpapi"));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body, QByteArray("upstream /pets"));
        QVERIFY(!r.header("apigw-requestid").isEmpty());
        QVERIFY(r.header("x-amzn-RequestId").isEmpty());
    }

    // "GET /" on the $default stage is the "/" route (there is no stage segment at all).
    void rootPathOfTheDefaultStage()
    {
        const auto r = m_client.send("GET", hostUrl(QStringLiteral("/")), host("httpapi"));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body, QByteArray("upstream /root"));
        const auto none = m_client.send("GET", hostUrl(QStringLiteral("/")), host("strictapi"));
        QCOMPARE(none.status, 404);
        QCOMPARE(none.body, QByteArray("{\"message\":\"Not Found\"}"));
    }

    void defaultRouteCatchesTheRest()
    {
        const auto r = m_client.send("POST", hostUrl(QStringLiteral("/anything/else")), host("httpapi"));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body, QByteArray("upstream /fallback/anything/else"));
    }

    void unmatchedRouteIs404NotFound()
    {
        const auto r = m_client.send("GET", hostUrl(QStringLiteral("/v1/nope")), host("strictapi"));
        QCOMPARE(r.status, 404);
        QCOMPARE(r.body, QByteArray("{\"message\":\"Not Found\"}"));
        QVERIFY(r.header("x-amzn-ErrorType").isEmpty());
        const auto ok = m_client.send("GET", hostUrl(QStringLiteral("/v1/only")), host("strictapi"));
        QCOMPARE(ok.status, 200);
    }

    void unknownStageIs404()
    {
        const auto r = m_client.send("GET", hostUrl(QStringLiteral("/v2/only")), host("strictapi"));
        QCOMPARE(r.status, 404);
        QCOMPARE(r.body, QByteArray("{\"message\":\"Not Found\"}"));
    }

    void integrationTimeoutIs503()
    {
        const auto r = m_client.send("GET", hostUrl(QStringLiteral("/slow")), host("httpapi"));
        QCOMPARE(r.status, 503);
        QCOMPARE(r.body, QByteArray("{\"message\":\"Service Unavailable\"}"));
    }
};

QTEST_GUILESS_MAIN(TestHttpApi)
#include "tst_httpapi.moc"
