#include "gatewayclient.h"
#include "testproject.h"
#include "upstreamserver.h"

#include "gateway/deploy/runtimeconfig.h"
#include "gateway/model/deployments.h"
#include "gateway/runtime/engine.h"

#include <algorithm>

#include <QSignalSpy>

#include <QTcpServer>
#include <QTest>

using namespace gw::model;
using gwtest::GatewayClient;
using gwtest::UpstreamServer;

// The whole spine over real sockets: the engine serves on 127.0.0.1:0, a real upstream server
// answers HTTP and HTTP_PROXY integrations, and a real client (QNetworkAccessManager) calls.
class TestGateway : public QObject
{
    Q_OBJECT

    UpstreamServer m_upstream;
    gw::runtime::Engine m_engine;
    Project m_project;
    GatewayClient m_client;
    quint16 m_deadPort = 0;

    QString url(const QString &pathAndQuery, const QString &stage = QStringLiteral("test")) const
    {
        return QStringLiteral("http://127.0.0.1:%1/restapis/testapi/%2/_user_request_%3").arg(m_engine.port()).arg(stage, pathAndQuery);
    }

    void redeploy()
    {
        deploy(m_project.apis[0], QStringLiteral("test"));
        m_engine.deploy(gw::deploy::compile(m_project, nullptr));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_upstream.isListening());
        {
            QTcpServer probe; // a port that nobody listens on any more
            QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
            m_deadPort = probe.serverPort();
        }
        Api api = newRestApi(QStringLiteral("Test"));
        api.id = QStringLiteral("testapi");
        gwtest::addResource(api, QStringLiteral("/ping")).methods.insert(QStringLiteral("GET"),
            gwtest::mockMethod(QStringLiteral("GET"), 200, QStringLiteral("{\"status\":\"ok\"}")));
        gwtest::addResource(api, QStringLiteral("/proxy/{proxy+}")).methods.insert(QStringLiteral("ANY"),
            gwtest::httpMethod(QStringLiteral("ANY"), IntegrationType::HttpProxy, m_upstream.baseUrl() + QStringLiteral("/{proxy}")));

        Method items = gwtest::httpMethod(QStringLiteral("GET"), IntegrationType::Http, QStringLiteral("${stageVariables.up}/items/{id}"));
        items.integration->requestParameters.insert(QStringLiteral("integration.request.path.id"), QStringLiteral("method.request.path.itemId"));
        items.integration->requestParameters.insert(QStringLiteral("integration.request.querystring.q"), QStringLiteral("method.request.querystring.search"));
        items.integration->requestParameters.insert(QStringLiteral("integration.request.header.X-From"), QStringLiteral("'gateway'"));
        items.integration->requestParameters.insert(QStringLiteral("integration.request.header.X-Stage"), QStringLiteral("stageVariables.name"));
        IntegrationResponse ok;
        ok.statusCode = QStringLiteral("200");
        ok.responseParameters.insert(QStringLiteral("method.response.header.X-Upstream"), QStringLiteral("integration.response.header.X-Served-By"));
        IntegrationResponse notFound;
        notFound.selectionPattern = QStringLiteral("4\\d{2}");
        notFound.statusCode = QStringLiteral("404");
        notFound.responseTemplates.insert(QStringLiteral("application/json"), QStringLiteral("{\"error\":\"no such item\"}"));
        items.integration->integrationResponses = {ok, notFound};
        gwtest::addResource(api, QStringLiteral("/items/{itemId}")).methods.insert(QStringLiteral("GET"), items);

        gwtest::addResource(api, QStringLiteral("/slow")).methods.insert(QStringLiteral("GET"),
            gwtest::httpMethod(QStringLiteral("GET"), IntegrationType::HttpProxy, m_upstream.baseUrl() + QStringLiteral("/slow"), 300));
        gwtest::addResource(api, QStringLiteral("/down")).methods.insert(QStringLiteral("GET"),
            gwtest::httpMethod(QStringLiteral("GET"), IntegrationType::HttpProxy, QStringLiteral("http://127.0.0.1:%1/").arg(m_deadPort)));
        Method noMatch = gwtest::mockMethod(QStringLiteral("GET"), 200, QStringLiteral("{}"));
        noMatch.integration->integrationResponses[0].selectionPattern = QStringLiteral("5\\d{2}");
        gwtest::addResource(api, QStringLiteral("/nomatch")).methods.insert(QStringLiteral("GET"), noMatch);
        Method teapot = gwtest::mockMethod(QStringLiteral("GET"), 418, QStringLiteral("{\"tea\":true}"));
        gwtest::addResource(api, QStringLiteral("/teapot")).methods.insert(QStringLiteral("GET"), teapot);

        m_project.apis.append(api);
        deploy(m_project.apis[0], QStringLiteral("test"));
        m_project.apis[0].stage(QStringLiteral("test"))->variables = {{QStringLiteral("up"), m_upstream.baseUrl()},
                                                                      {QStringLiteral("name"), QStringLiteral("test")}};
        m_engine.deploy(gw::deploy::compile(m_project, nullptr));
        QVERIFY(gwtest::startOnFreePort(m_engine));
        QVERIFY(m_engine.port() != 0);
    }

    void mockRouteAnswersWithItsTemplate()
    {
        const auto r = m_client.send("GET", url(QStringLiteral("/ping")));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body, QByteArray("{\"status\":\"ok\"}"));
        QCOMPARE(r.header("content-type"), QByteArray("application/json"));
        QVERIFY(!r.header("x-amzn-RequestId").isEmpty());
        QVERIFY(!r.header("x-amz-apigw-id").isEmpty());
    }

    void hostBasedUrlServesTheStage()
    {
        const QString host = QStringLiteral("testapi.execute-api.localhost:%1").arg(m_engine.port());
        const auto r = m_client.send("GET", QStringLiteral("http://127.0.0.1:%1/test/ping").arg(m_engine.port()),
                                     {{"Host", host.toLatin1()}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body, QByteArray("{\"status\":\"ok\"}"));
    }

    void unknownRoutesGiveMissingAuthenticationToken_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("target");
        QTest::newRow("unknown path") << QByteArray("GET") << url(QStringLiteral("/nope"));
        QTest::newRow("wrong method") << QByteArray("DELETE") << url(QStringLiteral("/ping"));
        QTest::newRow("unknown stage") << QByteArray("GET") << url(QStringLiteral("/ping"), QStringLiteral("prod"));
        QTest::newRow("unknown api") << QByteArray("GET")
                                     << QStringLiteral("http://127.0.0.1:%1/restapis/nosuch/test/_user_request_/ping").arg(m_engine.port());
        QTest::newRow("neither url form") << QByteArray("GET") << QStringLiteral("http://127.0.0.1:%1/ping").arg(m_engine.port());
    }
    void unknownRoutesGiveMissingAuthenticationToken()
    {
        QFETCH(QByteArray, method);
        QFETCH(QString, target);
        const auto r = m_client.send(method, target);
        QCOMPARE(r.status, 403);
        QCOMPARE(r.body, QByteArray("{\"message\":\"Missing Authentication Token\"}"));
        QCOMPARE(r.header("x-amzn-ErrorType"), QByteArray("MissingAuthenticationTokenException"));
    }

    void httpProxyPassesTheRequestThrough()
    {
        m_upstream.setHandler([](const gw::HttpRequest &) {
            gw::HttpResponse resp{201, {}, "created upstream"};
            resp.headers.append("X-Up", "yes");
            resp.headers.append("Content-Type", "text/plain");
            return UpstreamServer::Answer{resp, 0};
        });
        const qsizetype before = m_upstream.received().size();
        const auto r = m_client.send("POST", url(QStringLiteral("/proxy/a/b?x=1&y=two%20words")),
                                     {{"X-Custom", "hello"}, {"Content-Type", "text/plain"}, {"Connection", "keep-alive"}},
                                     "the body");
        QCOMPARE(r.status, 201);
        QCOMPARE(r.body, QByteArray("created upstream"));
        QCOMPARE(r.header("X-Up"), QByteArray("yes"));
        QCOMPARE(r.header("Content-Type"), QByteArray("text/plain"));
        QCOMPARE(m_upstream.received().size(), before + 1);
        const gw::HttpRequest &seen = m_upstream.received().last();
        QCOMPARE(seen.method, QByteArray("POST"));
        QCOMPARE(seen.target, QByteArray("/a/b?x=1&y=two%20words"));
        QCOMPARE(seen.body, QByteArray("the body"));
        QCOMPARE(seen.headers.value("X-Custom"), QByteArray("hello"));
        QCOMPARE(seen.headers.value("X-Forwarded-For"), QByteArray("127.0.0.1"));
        QCOMPARE(seen.headers.value("X-Amzn-Apigateway-Api-Id"), QByteArray("testapi"));
        QCOMPARE(seen.headers.value("Host"), QByteArray("127.0.0.1:") + QByteArray::number(m_upstream.port()));
    }

    void httpIntegrationSendsOnlyMappedParameters()
    {
        m_upstream.setHandler([](const gw::HttpRequest &) {
            gw::HttpResponse resp{200, {}, "{\"id\":42}"};
            resp.headers.append("X-Served-By", "upstream-1");
            resp.headers.append("X-Not-Mapped", "hidden");
            return UpstreamServer::Answer{resp, 0};
        });
        const auto r = m_client.send("GET", url(QStringLiteral("/items/42?search=blue%20car&other=1")), {{"X-Client", "secret"}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body, QByteArray("{\"id\":42}"));
        QCOMPARE(r.header("X-Upstream"), QByteArray("upstream-1"));
        QVERIFY(r.header("X-Not-Mapped").isEmpty());
        const gw::HttpRequest &seen = m_upstream.received().last();
        QCOMPARE(seen.target, QByteArray("/items/42?q=blue%20car"));
        QCOMPARE(seen.headers.value("X-From"), QByteArray("gateway"));
        QCOMPARE(seen.headers.value("X-Stage"), QByteArray("test"));
        QVERIFY(!seen.headers.contains("X-Client"));
        QCOMPARE(seen.headers.value("User-Agent"), QByteArray("AmazonAPIGateway_testapi"));
    }

    void selectionPatternMapsUpstreamStatus()
    {
        m_upstream.setHandler([](const gw::HttpRequest &) { return UpstreamServer::Answer{gw::HttpResponse{404, {}, "nope"}, 0}; });
        const auto r = m_client.send("GET", url(QStringLiteral("/items/7")));
        QCOMPARE(r.status, 404);
        QCOMPARE(r.body, QByteArray("{\"error\":\"no such item\"}"));
    }

    void unmatchedStatusWithoutDefaultIs500()
    {
        const auto r = m_client.send("GET", url(QStringLiteral("/nomatch")));
        QCOMPARE(r.status, 500);
        QCOMPARE(r.body, QByteArray("{\"message\":\"Internal server error\"}"));
        QCOMPARE(r.header("x-amzn-ErrorType"), QByteArray("InternalServerErrorException"));
    }

    void mockStatusComesFromTheRequestTemplate()
    {
        const auto r = m_client.send("GET", url(QStringLiteral("/teapot")));
        QCOMPARE(r.status, 418);
        QCOMPARE(r.body, QByteArray("{\"tea\":true}"));
    }

    void integrationTimeoutGives504()
    {
        m_upstream.setHandler([](const gw::HttpRequest &) { return UpstreamServer::Answer{gw::HttpResponse{200, {}, "late"}, 3000}; });
        const auto r = m_client.send("GET", url(QStringLiteral("/slow")));
        QCOMPARE(r.status, 504);
        QCOMPARE(r.body, QByteArray("{\"message\":\"Endpoint request timed out\"}"));
    }

    void upstreamDownGives500()
    {
        const auto r = m_client.send("GET", url(QStringLiteral("/down")));
        QCOMPARE(r.status, 500);
        QCOMPARE(r.body, QByteArray("{\"message\":\"Internal server error\"}"));
    }

    // Issue 15: an upstream that reads a POST and closes without answering must see it once;
    // the pooled connection that died is not a licence to send it again.
    void postWhoseUpstreamDiesAfterReadingItReachesItOnce()
    {
        m_upstream.setHandler([](const gw::HttpRequest &r) {
            UpstreamServer::Answer a{gw::HttpResponse{200, {}, "warm"}, 0};
            a.dropConnection = r.method == "POST";
            return a;
        });
        // Warm a pooled upstream connection (the client keeps one connection to one worker).
        QCOMPARE(m_client.send("GET", url(QStringLiteral("/proxy/warm"))).status, 200);
        const auto countOrders = [this]() {
            return std::count_if(m_upstream.received().cbegin(), m_upstream.received().cend(),
                                 [](const gw::HttpRequest &r) { return r.target == "/orders"; });
        };
        const auto before = countOrders();
        const auto r = m_client.send("POST", url(QStringLiteral("/proxy/orders")), {{"Content-Type", "application/json"}}, "{\"item\":1}");
        QCOMPARE(r.status, 504);
        QCOMPARE(r.body, QByteArray("{\"message\":\"Internal server error\"}"));
        QCOMPARE(countOrders(), before + 1);
    }

    // A GET in the same situation is sent once more on a fresh connection (RFC 9110 §9.2.2).
    void getWhoseUpstreamDiesIsRetriedOnceOnAFreshConnection()
    {
        int dropped = 0;
        m_upstream.setHandler([&dropped](const gw::HttpRequest &r) {
            UpstreamServer::Answer a{gw::HttpResponse{200, {}, "fresh"}, 0};
            a.dropConnection = r.target == "/flaky" && dropped++ == 0;
            return a;
        });
        QCOMPARE(m_client.send("GET", url(QStringLiteral("/proxy/warm"))).status, 200);
        const int connections = m_upstream.connectionsAccepted();
        const auto r = m_client.send("GET", url(QStringLiteral("/proxy/flaky")));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body, QByteArray("fresh"));
        QCOMPARE(dropped, 2);
        QCOMPARE(m_upstream.connectionsAccepted(), connections + 1);
    }

    void redeployIsServedWithoutRestart()
    {
        Resource *ping = m_project.apis[0].design.resource(QStringLiteral("/ping"));
        ping->methods[QStringLiteral("GET")] = gwtest::mockMethod(QStringLiteral("GET"), 200, QStringLiteral("{\"status\":\"v2\"}"));
        const quint16 port = m_engine.port();
        redeploy();
        QTRY_COMPARE(m_client.send("GET", url(QStringLiteral("/ping"))).body, QByteArray("{\"status\":\"v2\"}"));
        QCOMPARE(m_engine.port(), port);
    }

    void finishedRequestsArriveInBatches()
    {
        QSignalSpy batches(&m_engine, &gw::runtime::Engine::requestsFinished);
        for (int i = 0; i < 5; ++i)
            QCOMPARE(m_client.send("GET", url(QStringLiteral("/ping"))).status, 200);
        QTRY_VERIFY(!batches.isEmpty());
        int records = 0;
        for (const auto &args : batches)
            records += args.first().value<QList<gw::runtime::RequestRecord>>().size();
        QTRY_VERIFY(records >= 5);
        QVERIFY(batches.size() < 5); // batched, not one signal per request
    }

    void stopClosesTheListener()
    {
        const quint16 port = m_engine.port();
        m_engine.stop();
        QVERIFY(!m_engine.isRunning());
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, port);
        QVERIFY(!socket.waitForConnected(1000));
    }
};

QTEST_GUILESS_MAIN(TestGateway)
#include "tst_gateway.moc"
