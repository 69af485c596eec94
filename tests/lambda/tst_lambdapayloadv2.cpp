#include "gatewayclient.h"
#include "lambdatestproject.h"
#include "testproject.h"

#include "gateway/deploy/runtimeconfig.h"
#include "gateway/model/deployments.h"
#include "gateway/runtime/engine.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QRegularExpression>
#include <QTest>

using namespace gw::model;

// HTTP APIs' Lambda proxy payload 2.0 (reference §16.3) through the real engine: the event a
// JavaScript function sees, and how its answers become responses.
class TestLambdaPayloadV2 : public QObject
{
    Q_OBJECT

    gw::runtime::Engine m_engine;
    gwtest::GatewayClient m_client;

    QString url(const QString &path) const { return QStringLiteral("http://127.0.0.1:%1%2").arg(m_engine.port()).arg(path); }
    QList<QPair<QByteArray, QByteArray>> headers(QList<QPair<QByteArray, QByteArray>> extra = {}) const
    {
        extra.prepend({"Host", "v2api.execute-api.localhost:" + QByteArray::number(m_engine.port())});
        return extra;
    }

private slots:
    void initTestCase()
    {
        Project project;
        project.functions = {
            gwtest::jsFunction(QStringLiteral("echo"), QStringLiteral("exports.handler = async (event) => ({statusCode: 200, body: JSON.stringify(event)});")),
            gwtest::jsFunction(QStringLiteral("plain"), QStringLiteral("exports.handler = async () => ({hello: 'world'});")),
            gwtest::jsFunction(QStringLiteral("cookies"), QStringLiteral(
                "exports.handler = async () => ({statusCode: '201', headers: {'x-one': 'a'}, cookies: ['a=1', 'b=2'], body: 'made'});")),
            gwtest::jsFunction(QStringLiteral("broken"), QStringLiteral("exports.handler = async () => ({statusCode: 'teapot'});")),
        };
        Api api = newRestApi(QStringLiteral("V2"));
        api.id = QStringLiteral("v2api");
        api.type = ApiType::Http;
        gwtest::addResource(api, QStringLiteral("/items/{id}")).methods.insert(QStringLiteral("GET"), gwtest::lambdaProxyMethod(QStringLiteral("GET"), QStringLiteral("echo")));
        gwtest::addResource(api, QStringLiteral("/plain")).methods.insert(QStringLiteral("GET"), gwtest::lambdaProxyMethod(QStringLiteral("GET"), QStringLiteral("plain")));
        gwtest::addResource(api, QStringLiteral("/cookies")).methods.insert(QStringLiteral("GET"), gwtest::lambdaProxyMethod(QStringLiteral("GET"), QStringLiteral("cookies")));
        gwtest::addResource(api, QStringLiteral("/broken")).methods.insert(QStringLiteral("GET"), gwtest::lambdaProxyMethod(QStringLiteral("GET"), QStringLiteral("broken")));
        Method v1 = gwtest::lambdaProxyMethod(QStringLiteral("GET"), QStringLiteral("echo"));
        v1.integration->payloadFormatVersion = QStringLiteral("1.0");
        gwtest::addResource(api, QStringLiteral("/v1")).methods.insert(QStringLiteral("GET"), v1);
        project.apis.append(api);
        deploy(project.apis[0], QStringLiteral("$default"));
        m_engine.deploy(gw::deploy::compile(project, nullptr));
        QVERIFY(gwtest::startOnFreePort(m_engine));
    }

    void eventHasTheVersion2Shape()
    {
        // A raw request: QNetworkAccessManager would fold the repeated header itself.
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, m_engine.port());
        QVERIFY(socket.waitForConnected(2000));
        socket.write("GET /items/42?a=1&a=2&b=x HTTP/1.1\r\nHost: v2api.execute-api.localhost\r\nX-Multi: one\r\n"
                     "x-multi: two\r\nCookie: c1=v1; c2=v2\r\nConnection: close\r\n\r\n");
        QByteArray answer;
        while (socket.waitForReadyRead(3000))
            answer += socket.readAll();
        QVERIFY2(answer.startsWith("HTTP/1.1 200"), answer.constData());
        const QJsonObject e = QJsonDocument::fromJson(answer.mid(answer.indexOf("\r\n\r\n") + 4)).object();
        QCOMPARE(e.value(QStringLiteral("version")).toString(), QStringLiteral("2.0"));
        QCOMPARE(e.value(QStringLiteral("routeKey")).toString(), QStringLiteral("GET /items/{id}"));
        QCOMPARE(e.value(QStringLiteral("rawPath")).toString(), QStringLiteral("/items/42"));
        QCOMPARE(e.value(QStringLiteral("rawQueryString")).toString(), QStringLiteral("a=1&a=2&b=x"));
        QCOMPARE(e.value(QStringLiteral("cookies")).toArray(), (QJsonArray{QStringLiteral("c1=v1"), QStringLiteral("c2=v2")}));
        const QJsonObject h = e.value(QStringLiteral("headers")).toObject();
        QCOMPARE(h.value(QStringLiteral("x-multi")).toString(), QStringLiteral("one,two"));
        QVERIFY(!h.contains(QStringLiteral("cookie")));
        QVERIFY(!h.contains(QStringLiteral("X-Multi")));
        QCOMPARE(e.value(QStringLiteral("queryStringParameters")).toObject().value(QStringLiteral("a")).toString(), QStringLiteral("1,2"));
        QCOMPARE(e.value(QStringLiteral("pathParameters")).toObject().value(QStringLiteral("id")).toString(), QStringLiteral("42"));
        const QJsonObject rc = e.value(QStringLiteral("requestContext")).toObject();
        QCOMPARE(rc.value(QStringLiteral("http")).toObject().value(QStringLiteral("method")).toString(), QStringLiteral("GET"));
        QCOMPARE(rc.value(QStringLiteral("http")).toObject().value(QStringLiteral("path")).toString(), QStringLiteral("/items/42"));
        QCOMPARE(rc.value(QStringLiteral("stage")).toString(), QStringLiteral("$default"));
        QCOMPARE(rc.value(QStringLiteral("apiId")).toString(), QStringLiteral("v2api"));
        QVERIFY(!e.contains(QStringLiteral("body"))); // keys without a value are left out
        QCOMPARE(e.value(QStringLiteral("isBase64Encoded")).toBool(), false);
    }

    // The function sees the request's trace header in lower case, made by the gateway or the
    // client's; HTTP APIs (no X-Ray) do not answer with it.
    void eventCarriesTheTraceHeader()
    {
        const auto made = m_client.send("GET", url(QStringLiteral("/items/1")), headers());
        QCOMPARE(made.status, 200);
        const QString header = QJsonDocument::fromJson(made.body).object().value(QStringLiteral("headers")).toObject()
                                   .value(QStringLiteral("x-amzn-trace-id")).toString();
        QVERIFY2(QRegularExpression(QStringLiteral("^Root=1-[0-9a-f]{8}-[0-9a-f]{24}$")).match(header).hasMatch(), qPrintable(header));
        QVERIFY(made.header("x-amzn-trace-id").isEmpty());

        const QByteArray incoming = "Root=1-5759e988-bd862e3fe1be46a994272793";
        const auto continued = m_client.send("GET", url(QStringLiteral("/items/1")), headers({{"X-Amzn-Trace-Id", incoming}}));
        QCOMPARE(QJsonDocument::fromJson(continued.body).object().value(QStringLiteral("headers")).toObject()
                     .value(QStringLiteral("x-amzn-trace-id")).toString(), QString::fromLatin1(incoming));
    }

    void outputWithoutStatusCodeIsAJsonBody()
    {
        const auto r = m_client.send("GET", url(QStringLiteral("/plain")), headers());
        QCOMPARE(r.status, 200);
        QCOMPARE(QJsonDocument::fromJson(r.body).object().value(QStringLiteral("hello")).toString(), QStringLiteral("world"));
        QCOMPARE(r.header("content-type"), QByteArray("application/json"));
    }

    void cookiesBecomeSetCookieHeaders()
    {
        const auto r = m_client.send("GET", url(QStringLiteral("/cookies")), headers());
        QCOMPARE(r.status, 201);
        QCOMPARE(r.body, QByteArray("made"));
        QCOMPARE(r.header("x-one"), QByteArray("a"));
        int setCookies = 0;
        for (const auto &h : r.headers)
            if (h.first.compare("set-cookie", Qt::CaseInsensitive) == 0)
                setCookies += int(h.second.split('\n').size());
        QCOMPARE(setCookies, 2);
    }

    void malformedOutputIs500()
    {
        const auto r = m_client.send("GET", url(QStringLiteral("/broken")), headers());
        QCOMPARE(r.status, 500);
        QCOMPARE(r.body, QByteArray("{\"message\":\"Internal Server Error\"}"));
    }

    void payloadVersion1StaysAvailable()
    {
        const auto r = m_client.send("GET", url(QStringLiteral("/v1")), headers());
        QCOMPARE(r.status, 200);
        const QJsonObject e = QJsonDocument::fromJson(r.body).object();
        QVERIFY(e.contains(QStringLiteral("httpMethod")));
        QVERIFY(e.contains(QStringLiteral("multiValueHeaders")));
    }
};

QTEST_GUILESS_MAIN(TestLambdaPayloadV2)
#include "tst_lambdapayloadv2.moc"
