#include "gatewayclient.h"
#include "testproject.h"
#include "upstreamserver.h"

#include "gateway/deploy/runtimeconfig.h"
#include "gateway/model/check.h"
#include "gateway/model/corsenabler.h"
#include "gateway/model/deployments.h"
#include "gateway/runtime/engine.h"

#include <QJsonArray>
#include <QTest>

using namespace gw::model;
using Headers = QList<QPair<QByteArray, QByteArray>>;

// CORS over real sockets: HTTP APIs' corsConfiguration answered by the gateway, and REST APIs
// with the console's "Enable CORS" (enableCors) applied to their design.
class TestHttpCors : public QObject
{
    Q_OBJECT

    gwtest::UpstreamServer m_upstream;
    gw::runtime::Engine m_engine;
    gwtest::GatewayClient m_client;

    QString httpUrl(const QString &path) const { return QStringLiteral("http://127.0.0.1:%1%2").arg(m_engine.port()).arg(path); }
    QString restUrl(const QString &path) const
    {
        return QStringLiteral("http://127.0.0.1:%1/restapis/restcors/prod/_user_request_%2").arg(m_engine.port()).arg(path);
    }
    static Headers host() { return {{"Host", "corsapi.execute-api.localhost"}}; }
    static Headers preflight(const QByteArray &origin, const QByteArray &method, const QByteArray &headers)
    {
        Headers h = host();
        h += {{"Origin", origin}, {"Access-Control-Request-Method", method}, {"Access-Control-Request-Headers", headers}};
        return h;
    }

private slots:
    void initTestCase()
    {
        m_upstream.setHandler([](const gw::HttpRequest &) {
            gw::HttpResponse r{200, {}, "from upstream"};
            r.headers.append("Access-Control-Allow-Origin", "https://evil.example"); // must be replaced
            return gwtest::UpstreamServer::Answer{r, 0};
        });
        Project project;
        Api http = newRestApi(QStringLiteral("Cors"));
        http.id = QStringLiteral("corsapi");
        http.type = ApiType::Http;
        gwtest::addResource(http, QStringLiteral("/items")).methods.insert(QStringLiteral("GET"),
            gwtest::httpMethod(QStringLiteral("GET"), IntegrationType::HttpProxy, m_upstream.baseUrl() + QStringLiteral("/items")));
        http.design.corsConfiguration = QJsonObject{
            {QStringLiteral("allowOrigins"), QJsonArray{QStringLiteral("http://app.localhost:8080")}},
            {QStringLiteral("allowMethods"), QJsonArray{QStringLiteral("GET"), QStringLiteral("POST")}},
            {QStringLiteral("allowHeaders"), QJsonArray{QStringLiteral("x-custom"), QStringLiteral("content-type")}},
            {QStringLiteral("exposeHeaders"), QJsonArray{QStringLiteral("x-request-cost")}},
            {QStringLiteral("maxAge"), 600},
            {QStringLiteral("allowCredentials"), true}};
        deploy(http, QStringLiteral("$default"));

        Api rest = newRestApi(QStringLiteral("RestCors"));
        rest.id = QStringLiteral("restcors");
        gwtest::addResource(rest, QStringLiteral("/pets")).methods.insert(QStringLiteral("GET"),
            gwtest::mockMethod(QStringLiteral("GET"), 200, QStringLiteral("[\"rex\"]")));
        gwtest::addResource(rest, QStringLiteral("/pets")).methods.insert(QStringLiteral("POST"),
            gwtest::mockMethod(QStringLiteral("POST"), 200, QStringLiteral("{}")));
        CorsOptions options;
        options.gatewayResponses = true;
        const CorsResult cors = enableCors(rest, QStringLiteral("/pets"), options);
        QVERIFY2(cors.ok(), qPrintable(cors.error));
        deploy(rest, QStringLiteral("prod"));
        project.apis = {http, rest};
        for (const Diagnostic &d : check(project))
            QVERIFY2(!d.path.contains(QLatin1String("cors")) && !d.path.startsWith(QLatin1String("apis[1]")),
                     qPrintable(d.path + QStringLiteral(": ") + d.message));
        m_engine.deploy(gw::deploy::compile(project, nullptr));
        QVERIFY(gwtest::startOnFreePort(m_engine));
    }

    void httpPreflightIsAnsweredWithoutAnOptionsRoute()
    {
        const int calls = int(m_upstream.received().size());
        const auto r = m_client.send("OPTIONS", httpUrl(QStringLiteral("/items")),
                                     preflight("http://app.localhost:8080", "POST", "x-custom"));
        QCOMPARE(r.status, 204);
        QCOMPARE(r.header("access-control-allow-origin"), QByteArray("http://app.localhost:8080"));
        QCOMPARE(r.header("access-control-allow-methods"), QByteArray("GET,POST"));
        QCOMPARE(r.header("access-control-allow-headers"), QByteArray("x-custom,content-type"));
        QCOMPARE(r.header("access-control-max-age"), QByteArray("600"));
        QCOMPARE(r.header("access-control-allow-credentials"), QByteArray("true"));
        // Even on a path with no route at all.
        QCOMPARE(m_client.send("OPTIONS", httpUrl(QStringLiteral("/nowhere")), preflight("http://app.localhost:8080", "GET", "")).status, 204);
        QCOMPARE(int(m_upstream.received().size()), calls);
    }

    void httpPreflightFromAnotherOriginGetsNoCorsHeaders()
    {
        const auto r = m_client.send("OPTIONS", httpUrl(QStringLiteral("/items")), preflight("http://evil.localhost", "GET", "x-custom"));
        QCOMPARE(r.status, 204);
        QVERIFY(r.header("access-control-allow-origin").isEmpty());
        QVERIFY(r.header("access-control-allow-methods").isEmpty());
    }

    void httpActualResponseCarriesTheConfiguredHeadersOnly()
    {
        Headers h = host();
        h.append(qMakePair(QByteArray("Origin"), QByteArray("http://app.localhost:8080")));
        const auto r = m_client.send("GET", httpUrl(QStringLiteral("/items")), h);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body, QByteArray("from upstream"));
        QCOMPARE(r.header("access-control-allow-origin"), QByteArray("http://app.localhost:8080"));
        QCOMPARE(r.header("access-control-expose-headers"), QByteArray("x-request-cost"));
        QCOMPARE(r.header("access-control-allow-credentials"), QByteArray("true"));
        Headers evil = host();
        evil.append(qMakePair(QByteArray("Origin"), QByteArray("https://evil.example")));
        const auto refused = m_client.send("GET", httpUrl(QStringLiteral("/items")), evil);
        QVERIFY(refused.header("access-control-allow-origin").isEmpty()); // the integration's header is dropped
    }

    void restOptionsMethodAnswersThePreflight()
    {
        const auto r = m_client.send("OPTIONS", restUrl(QStringLiteral("/pets")),
                                     {{"Origin", "http://app.localhost:8080"}, {"Access-Control-Request-Method", "POST"}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("Access-Control-Allow-Origin"), QByteArray("*"));
        QCOMPARE(r.header("Access-Control-Allow-Methods"), QByteArray("GET,POST,OPTIONS"));
        QCOMPARE(r.header("Access-Control-Allow-Headers"),
                 QByteArray("Content-Type,X-Amz-Date,Authorization,X-Api-Key,X-Amz-Security-Token"));
        QVERIFY(r.body.isEmpty());
    }

    void restMethodsAndGatewayResponsesCarryAllowOrigin()
    {
        const auto get = m_client.send("GET", restUrl(QStringLiteral("/pets")), {{"Origin", "http://app.localhost:8080"}});
        QCOMPARE(get.status, 200);
        QCOMPARE(get.body, QByteArray("[\"rex\"]"));
        QCOMPARE(get.header("Access-Control-Allow-Origin"), QByteArray("*"));
        const auto missing = m_client.send("GET", restUrl(QStringLiteral("/nothing-here")));
        QCOMPARE(missing.status, 403);
        QCOMPARE(missing.header("Access-Control-Allow-Origin"), QByteArray("*")); // DEFAULT_4XX
    }

    void enableCorsSaysWhatIsWrong()
    {
        Api rest = newRestApi(QStringLiteral("X"));
        rest.id = QStringLiteral("x");
        QVERIFY(enableCors(rest, QStringLiteral("/missing")).error.contains(QLatin1String("no resource /missing")));
        CorsOptions credentials;
        credentials.allowCredentials = true;
        QVERIFY(enableCors(rest, QStringLiteral("/"), credentials).error.contains(QLatin1String("specific origin")));
        Api http = rest;
        http.type = ApiType::Http;
        QVERIFY(enableCors(http, QStringLiteral("/")).error.contains(QLatin1String("corsConfiguration")));
    }
};

QTEST_GUILESS_MAIN(TestHttpCors)
#include "tst_httpcors.moc"
