#include "authtestproject.h"
#include "gatewayclient.h"
#include "lambdatestproject.h"
#include "testproject.h"

#include "gateway/deploy/runtimeconfig.h"
#include "gateway/model/deployments.h"
#include "gateway/runtime/engine.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace gw::model;
using gwtest::GatewayClient;
using gwtest::Reply;

// HTTP API Lambda authorizers (reference §16.6) through the real engine: the 2.0 event (routeArn,
// identitySource array, routeKey), simple responses ({"isAuthorized", "context"} with nested
// context reaching requestContext.authorizer.lambda), the IAM-policy answer, and HTTP API bodies
// for 401 / 403 / 500.
class TestHttpLambdaAuthorizer : public QObject
{
    Q_OBJECT

    gw::runtime::Engine m_engine;
    GatewayClient m_client;

    Reply get(const char *path, const QByteArray &token)
    {
        QList<QPair<QByteArray, QByteArray>> headers{{"Host", "lamhttp.execute-api.localhost:" + QByteArray::number(m_engine.port())}};
        if (!token.isEmpty())
            headers.append({"X-Token", token});
        return m_client.send("GET", QStringLiteral("http://127.0.0.1:%1%2").arg(m_engine.port()).arg(QLatin1String(path)), headers);
    }

private slots:
    void initTestCase()
    {
        Project project;
        project.functions = {
            gwtest::jsFunction(QStringLiteral("simple"), QStringLiteral(
                "exports.handler = async (event) => {\n"
                "  const t = event.headers['x-token'];\n"
                "  if (t === 'boom') throw new Error('boom');\n"
                "  return { isAuthorized: t === 'good', context: { nested: { a: 1 },\n"
                "    ev: [event.version, event.type, event.routeArn, event.identitySource[0], event.routeKey, 'methodArn' in event].join('|') } };\n"
                "};")),
            gwtest::jsFunction(QStringLiteral("policy"), QStringLiteral(
                "exports.handler = async (event) => ({ principalId: 'pol-user', policyDocument: { Version: '2012-10-17',\n"
                "  Statement: [{ Action: 'execute-api:Invoke', Effect: 'Allow', Resource: event.routeArn }] }, context: { tier: 'gold' } });")),
            gwtest::jsFunction(QStringLiteral("v1"), QStringLiteral(
                "exports.handler = async (event) => ({ principalId: 'v1-user', policyDocument: { Version: '2012-10-17',\n"
                "  Statement: [{ Action: 'execute-api:Invoke', Effect: 'Allow', Resource: event.methodArn }] },\n"
                "  context: { ev: [event.version, event.type, event.identitySource, event.authorizationToken, 'routeArn' in event,\n"
                "                  event.methodArn].join('|') } });")),
            gwtest::jsFunction(QStringLiteral("echo"), QStringLiteral(
                "exports.handler = async (event) => ({ statusCode: 200, body: JSON.stringify(event.requestContext.authorizer) });")),
        };
        Api api = newRestApi(QStringLiteral("LamHttp"));
        api.id = QStringLiteral("lamhttp");
        api.type = ApiType::Http;
        Authorizer simple = gwtest::lambdaAuthorizer(QStringLiteral("simple"), QStringLiteral("REQUEST"), QStringLiteral("simple"), 0,
                                                     QStringLiteral("$request.header.X-Token"));
        simple.payloadFormatVersion = QStringLiteral("2.0");
        simple.enableSimpleResponses = true;
        Authorizer policy = gwtest::lambdaAuthorizer(QStringLiteral("policy"), QStringLiteral("REQUEST"), QStringLiteral("policy"), 0,
                                                     QStringLiteral("$request.header.X-Token"));
        Authorizer v1 = gwtest::lambdaAuthorizer(QStringLiteral("v1"), QStringLiteral("REQUEST"), QStringLiteral("v1"), 0,
                                                 QStringLiteral("$request.header.X-Token,$request.querystring.q"));
        v1.payloadFormatVersion = QStringLiteral("1.0");
        api.design.authorizers = {simple, policy, v1};
        for (const auto &[path, authorizer] : {std::pair{"/simple", "simple"}, std::pair{"/policy", "policy"}, std::pair{"/v1", "v1"}})
            gwtest::addResource(api, QLatin1String(path)).methods.insert(QStringLiteral("GET"),
                gwtest::guarded(gwtest::lambdaProxyMethod(QStringLiteral("GET"), QStringLiteral("echo")), QStringLiteral("CUSTOM"),
                                QLatin1String(authorizer)));
        deploy(api, QStringLiteral("$default"));
        project.apis = {api};
        Diagnostics d;
        m_engine.deploy(gw::deploy::compile(project, &d));
        QVERIFY2(d.isEmpty(), qPrintable(d.value(0).toString()));
        QVERIFY(gwtest::startOnFreePort(m_engine));
    }

    void simpleResponseAllows()
    {
        const Reply r = get("/simple", "good");
        QCOMPARE(r.status, 200);
        const QJsonObject lambda = QJsonDocument::fromJson(r.body).object().value(QStringLiteral("lambda")).toObject();
        QCOMPARE(lambda.value(QStringLiteral("nested")).toObject().value(QStringLiteral("a")).toInt(), 1);
        QCOMPARE(lambda.value(QStringLiteral("ev")).toString(),
                 QStringLiteral("2.0|REQUEST|arn:aws:execute-api:us-east-1:000000000000:lamhttp/$default/GET/simple|good|GET /simple|false"));
    }

    void outcomes_data()
    {
        QTest::addColumn<QByteArray>("path");
        QTest::addColumn<QByteArray>("token");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("simple deny") << QByteArray("/simple") << QByteArray("bad") << 403 << QByteArray(R"({"message":"Forbidden"})");
        QTest::newRow("missing identity") << QByteArray("/simple") << QByteArray() << 401 << QByteArray(R"({"message":"Unauthorized"})");
        QTest::newRow("function error") << QByteArray("/simple") << QByteArray("boom") << 500 << QByteArray(R"({"message":"Internal Server Error"})");
    }

    void outcomes()
    {
        QFETCH(QByteArray, path);
        QFETCH(QByteArray, token);
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        const Reply r = get(path.constData(), token);
        QCOMPARE(r.status, status);
        QCOMPARE(r.body, body);
        QVERIFY(r.header("x-amzn-ErrorType").isEmpty());
    }

    void policyResponseAllows()
    {
        const Reply r = get("/policy", "anything");
        QCOMPARE(r.status, 200);
        const QJsonObject lambda = QJsonDocument::fromJson(r.body).object().value(QStringLiteral("lambda")).toObject();
        QCOMPARE(lambda.value(QStringLiteral("tier")).toString(), QStringLiteral("gold"));
    }

    // Payload 1.0 on an HTTP API: the REST-shaped event with version "1.0" and the identity values
    // comma-joined in identitySource and authorizationToken; every source is required.
    void payloadOneEvent()
    {
        const Reply r = get("/v1?q=blue", "good");
        QCOMPARE(r.status, 200);
        const QJsonObject lambda = QJsonDocument::fromJson(r.body).object().value(QStringLiteral("lambda")).toObject();
        QCOMPARE(lambda.value(QStringLiteral("ev")).toString(),
                 QStringLiteral("1.0|REQUEST|good,blue|good,blue|false|arn:aws:execute-api:us-east-1:000000000000:lamhttp/$default/GET/v1"));
        const Reply missing = get("/v1", "good");
        QCOMPARE(missing.status, 401);
        QCOMPARE(missing.body, QByteArray(R"({"message":"Unauthorized"})"));
    }

    void cleanupTestCase() { m_engine.stop(); }
};

QTEST_GUILESS_MAIN(TestHttpLambdaAuthorizer)
#include "tst_httplambdaauthorizer.moc"
