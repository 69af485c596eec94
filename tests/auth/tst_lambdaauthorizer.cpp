#include "authtestproject.h"
#include "gatewayclient.h"
#include "lambdatestproject.h"
#include "testproject.h"
#include "upstreamserver.h"

#include "gateway/deploy/runtimeconfig.h"
#include "gateway/model/deployments.h"
#include "gateway/runtime/engine.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace gw::model;
using gwtest::GatewayClient;
using gwtest::Reply;
using gwtest::UpstreamServer;

// Lambda TOKEN and REQUEST authorizers through the real engine on 127.0.0.1:0 (two worker
// threads sharing one result cache): every outcome of reference §5.4 with AWS's status, body and
// error type, $context.authorizer in a MOCK template and in the Lambda proxy event, TTL caching
// (counted on a fake Lambda runtime endpoint), cached policies re-evaluated per method ARN, and
// the HTTP-endpoint authorizer extension.
class TestLambdaAuthorizer : public QObject
{
    Q_OBJECT

    UpstreamServer m_rie;       // plays a Lambda runtime for the counted authorizer
    UpstreamServer m_httpAuth;  // an HTTP authorizer endpoint
    gw::runtime::Engine m_engine;
    Project m_project;
    GatewayClient m_client;

    QString url(const QString &pathAndQuery) const
    {
        return QStringLiteral("http://127.0.0.1:%1/restapis/authapi/stage/_user_request_%2").arg(m_engine.port()).arg(pathAndQuery);
    }

    Reply get(const QString &path, const QByteArray &token)
    {
        QList<QPair<QByteArray, QByteArray>> headers;
        if (!token.isNull())
            headers.append({"Authorization", token});
        return m_client.send("GET", url(path), headers);
    }

    static QJsonObject json(const Reply &r) { return QJsonDocument::fromJson(r.body).object(); }

private slots:
    void initTestCase()
    {
        QVERIFY(m_rie.isListening());
        QVERIFY(m_httpAuth.isListening());
        // The fake runtime allows everything below the event's API, so cached results serve any method.
        m_rie.setHandler([](const gw::HttpRequest &request) {
            const QJsonObject event = QJsonDocument::fromJson(request.body).object();
            const QString arn = event.value(QStringLiteral("methodArn")).toString();
            UpstreamServer::Answer a;
            a.response.status = 200;
            a.response.body = gwtest::policyOutput(QStringLiteral("counted"), QStringLiteral("Allow"), arn.section(QLatin1Char('/'), 0, 0) + QStringLiteral("/*"));
            return a;
        });
        m_httpAuth.setHandler([](const gw::HttpRequest &request) {
            const QJsonObject event = QJsonDocument::fromJson(request.body).object();
            UpstreamServer::Answer a;
            if (event.value(QStringLiteral("authorizationToken")).toString() == QLatin1String("nope")) {
                a.response.status = 401;
                return a;
            }
            a.response.status = 200;
            a.response.body = gwtest::policyOutput(QStringLiteral("http-user"), QStringLiteral("Allow"), event.value(QStringLiteral("methodArn")).toString(),
                                                   {{QStringLiteral("tier"), QStringLiteral("silver")}});
            return a;
        });

        m_project.functions = {
            gwtest::jsFunction(QStringLiteral("tokenauth"), QStringLiteral(
                "const policy = (p, effect, resource, context) => ({ principalId: p, policyDocument: { Version: '2012-10-17',\n"
                "  Statement: [{ Action: 'execute-api:Invoke', Effect: effect, Resource: resource }] }, context });\n"
                "exports.handler = async (event) => {\n"
                "  const t = event.authorizationToken;\n"
                "  if (event.type !== 'TOKEN') throw new Error('wrong type ' + event.type);\n"
                "  if (t.startsWith('allow')) return policy('user-' + t, 'Allow', event.methodArn, { tier: 'gold', n: 7, ok: true });\n"
                "  if (t === 'deny') return policy('u', 'Deny', event.methodArn);\n"
                "  if (t === 'elsewhere') return policy('u', 'Allow', event.methodArn.replace(/\\/GET\\/.*$/, '/POST/other'));\n"
                "  if (t === 'unauthorized') throw new Error('Unauthorized');\n"
                "  if (t === 'nested') return { principalId: 'u', policyDocument: policy('u', 'Allow', '*').policyDocument, context: { o: { a: 1 } } };\n"
                "  if (t === 'shapeless') return { statusCode: 200, body: 'ok' };\n"
                "  throw new Error('boom');\n"
                "};")),
            gwtest::jsFunction(QStringLiteral("requestauth"), QStringLiteral(
                "exports.handler = async (event) => {\n"
                "  const ok = event.headers['X-Key'] === 'k1' && event.queryStringParameters.q === 'yes';\n"
                "  return { principalId: 'req-user', policyDocument: { Version: '2012-10-17', Statement: [{ Action: 'execute-api:Invoke',\n"
                "    Effect: ok ? 'Allow' : 'Deny', Resource: event.methodArn }] },\n"
                "    context: { tier: [event.type, event.resource, event.path, event.httpMethod, event.stageVariables.v,\n"
                "                      event.requestContext.stage, 'body' in event ? 'hasbody' : 'nobody'].join('|') } };\n"
                "};")),
            gwtest::jsFunction(QStringLiteral("echo"), QStringLiteral(
                "exports.handler = async (event) => ({ statusCode: 200, body: JSON.stringify(event.requestContext.authorizer) });")),
            gwtest::endpointFunction(QStringLiteral("counted"), m_rie.baseUrl()),
            gwtest::jsFunction(QStringLiteral("spinner"), QStringLiteral("exports.handler = async () => { for (;;) {} };"), 1),
        };
        m_project.functions.append(gwtest::authorizerEchoFunction());
        Api api = newRestApi(QStringLiteral("Auth"));
        api.id = QStringLiteral("authapi");
        api.design.authorizers = {
            gwtest::lambdaAuthorizer(QStringLiteral("tok"), QStringLiteral("TOKEN"), QStringLiteral("tokenauth")),
            gwtest::lambdaAuthorizer(QStringLiteral("cnt"), QStringLiteral("TOKEN"), QStringLiteral("counted")),
            gwtest::lambdaAuthorizer(QStringLiteral("cnt0"), QStringLiteral("TOKEN"), QStringLiteral("counted"), 0),
            gwtest::lambdaAuthorizer(QStringLiteral("req"), QStringLiteral("REQUEST"), QStringLiteral("requestauth"), 300,
                                     QStringLiteral("method.request.header.X-Key, method.request.querystring.q")),
            gwtest::lambdaAuthorizer(QStringLiteral("nofn"), QStringLiteral("TOKEN"), QStringLiteral("nosuchfunction")),
            gwtest::lambdaAuthorizer(QStringLiteral("http"), QStringLiteral("TOKEN"), QString(), 0),
            gwtest::lambdaAuthorizer(QStringLiteral("spin"), QStringLiteral("TOKEN"), QStringLiteral("spinner"), 0),
        };
        Authorizer regex = gwtest::lambdaAuthorizer(QStringLiteral("rx"), QStringLiteral("TOKEN"), QStringLiteral("counted"), 0);
        regex.identityValidationExpression = QStringLiteral("allow-[a-z]+");
        api.design.authorizers.append(regex);
        api.design.authorizers[5].authorizerUri = m_httpAuth.baseUrl() + QStringLiteral("/authorize");

        const auto route = [&](const char *path, const QString &authorizer, const QString &verb = QStringLiteral("GET")) {
            gwtest::addResource(api, QLatin1String(path)).methods.insert(verb,
                gwtest::guarded(gwtest::authorizerEchoMethod(verb), QStringLiteral("CUSTOM"), authorizer));
        };
        route("/token", QStringLiteral("tok"));
        route("/token2", QStringLiteral("tok"));
        route("/cached", QStringLiteral("cnt"));
        route("/cached/other", QStringLiteral("cnt"));
        route("/uncached", QStringLiteral("cnt0"));
        route("/regex", QStringLiteral("rx"));
        route("/request/{id}", QStringLiteral("req"));
        route("/nofn", QStringLiteral("nofn"));
        route("/http", QStringLiteral("http"));
        route("/undefined", QStringLiteral("missing-authorizer-id"));
        route("/spin", QStringLiteral("spin"));
        gwtest::addResource(api, QStringLiteral("/proxy")).methods.insert(QStringLiteral("GET"),
            gwtest::guarded(gwtest::lambdaProxyMethod(QStringLiteral("GET"), QStringLiteral("echo")), QStringLiteral("CUSTOM"), QStringLiteral("tok")));
        Method iam = gwtest::authorizerEchoMethod(QStringLiteral("GET"));
        iam.authorizationType = QStringLiteral("AWS_IAM");
        gwtest::addResource(api, QStringLiteral("/iam")).methods.insert(QStringLiteral("GET"), iam);
        gwtest::addResource(api, QStringLiteral("/open")).methods.insert(QStringLiteral("GET"), gwtest::authorizerEchoMethod(QStringLiteral("GET")));
        m_project.apis.append(api);
        deploy(m_project.apis[0], QStringLiteral("stage"));
        deploy(m_project.apis[0], QStringLiteral("other"));
        m_project.apis[0].stages[0].variables.insert(QStringLiteral("v"), QStringLiteral("stagevalue"));
        Diagnostics d;
        m_engine.deploy(gw::deploy::compile(m_project, &d));
        QVERIFY2(d.isEmpty(), qPrintable(d.value(0).toString()));
        gw::runtime::EngineOptions options;
        options.workers = 2;
        options.captureDetails = true;
        QVERIFY(gwtest::startOnFreePort(m_engine, options));
    }

    void outcomes_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("token");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("errorType");
        QTest::newRow("missing token") << QStringLiteral("/token") << QByteArray() << 401 << QByteArray(R"({"message":"Unauthorized"})")
                                       << QByteArray("UnauthorizedException");
        QTest::newRow("empty token") << QStringLiteral("/token") << QByteArray("") << 401 << QByteArray(R"({"message":"Unauthorized"})")
                                     << QByteArray("UnauthorizedException");
        QTest::newRow("function says Unauthorized") << QStringLiteral("/token") << QByteArray("unauthorized") << 401
                                                    << QByteArray(R"({"message":"Unauthorized"})") << QByteArray("UnauthorizedException");
        QTest::newRow("explicit deny") << QStringLiteral("/token") << QByteArray("deny") << 403
                                       << QByteArray(R"({"Message":"User is not authorized to access this resource with an explicit deny"})")
                                       << QByteArray("AccessDeniedException");
        QTest::newRow("no allow for this method") << QStringLiteral("/token") << QByteArray("elsewhere") << 403
                                                  << QByteArray(R"({"Message":"User is not authorized to access this resource"})")
                                                  << QByteArray("AccessDeniedException");
        QTest::newRow("function throws") << QStringLiteral("/token") << QByteArray("boom") << 500 << QByteArray(R"({"message":null})")
                                         << QByteArray("AuthorizerConfigurationException");
        QTest::newRow("nested context") << QStringLiteral("/token") << QByteArray("nested") << 500 << QByteArray(R"({"message":null})")
                                        << QByteArray("AuthorizerConfigurationException");
        QTest::newRow("not an authorizer output") << QStringLiteral("/token") << QByteArray("shapeless") << 500 << QByteArray(R"({"message":null})")
                                                  << QByteArray("AuthorizerConfigurationException");
        QTest::newRow("function not found") << QStringLiteral("/nofn") << QByteArray("allow") << 500 << QByteArray(R"({"message":null})")
                                            << QByteArray("AuthorizerConfigurationException");
        QTest::newRow("authorizer id not defined") << QStringLiteral("/undefined") << QByteArray("allow") << 500 << QByteArray(R"({"message":null})")
                                                   << QByteArray("AuthorizerConfigurationException");
        QTest::newRow("authorizer times out") << QStringLiteral("/spin") << QByteArray("any") << 500 << QByteArray(R"({"message":null})")
                                              << QByteArray("AuthorizerConfigurationException");
        QTest::newRow("http endpoint 401") << QStringLiteral("/http") << QByteArray("nope") << 401 << QByteArray(R"({"message":"Unauthorized"})")
                                           << QByteArray("UnauthorizedException");
    }

    void outcomes()
    {
        QFETCH(QString, path);
        QFETCH(QByteArray, token);
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, errorType);
        const Reply r = get(path, token);
        QCOMPARE(r.status, status);
        QCOMPARE(r.body, body);
        QCOMPARE(r.header("x-amzn-ErrorType"), errorType);
    }

    void allowFillsContextAuthorizer()
    {
        const Reply r = get(QStringLiteral("/token"), "allow");
        QCOMPARE(r.status, 200);
        const QJsonObject o = json(r);
        QCOMPARE(o.value(QStringLiteral("principal")).toString(), QStringLiteral("user-allow"));
        QCOMPARE(o.value(QStringLiteral("tier")).toString(), QStringLiteral("gold"));
        QCOMPARE(o.value(QStringLiteral("n")).toString(), QStringLiteral("7"));
        // A method without authorizer sees none.
        const Reply open = get(QStringLiteral("/open"), "allow");
        QCOMPARE(open.status, 200);
        QCOMPARE(json(open).value(QStringLiteral("principal")).toString(), QString());
    }

    void proxyEventCarriesTheAuthorizer()
    {
        const Reply r = get(QStringLiteral("/proxy"), "allow-proxy");
        QCOMPARE(r.status, 200);
        const QJsonObject authorizer = json(r);
        QCOMPARE(authorizer.value(QStringLiteral("principalId")).toString(), QStringLiteral("user-allow-proxy"));
        QCOMPARE(authorizer.value(QStringLiteral("tier")).toString(), QStringLiteral("gold"));
        // Context values reach the function stringified, as AWS passes them.
        QCOMPARE(authorizer.value(QStringLiteral("n")), QJsonValue(QStringLiteral("7")));
        QCOMPARE(authorizer.value(QStringLiteral("ok")), QJsonValue(QStringLiteral("true")));
        // How long the authorizer ran, in ms, as requestContext.authorizer.integrationLatency.
        QVERIFY2(authorizer.value(QStringLiteral("integrationLatency")).isDouble(), qPrintable(QString::fromUtf8(r.body)));
        const double latency = authorizer.value(QStringLiteral("integrationLatency")).toDouble();
        QVERIFY(latency >= 0 && latency < 10000);
    }

    void ttlCachesResultsAcrossWorkers()
    {
        const qsizetype before = m_rie.received().size();
        for (int i = 0; i < 4; ++i)
            QCOMPARE(get(QStringLiteral("/cached"), "same-token").status, 200);
        // The cached policy also serves another method of the same authorizer.
        QCOMPARE(get(QStringLiteral("/cached/other"), "same-token").status, 200);
        QCOMPARE(m_rie.received().size(), before + 1);
        QCOMPARE(get(QStringLiteral("/cached"), "another-token").status, 200);
        QCOMPARE(m_rie.received().size(), before + 2);
    }

    void cacheIsPerStage()
    {
        const qsizetype before = m_rie.received().size();
        QCOMPARE(get(QStringLiteral("/cached"), "stage-token").status, 200);
        QCOMPARE(get(QStringLiteral("/cached"), "stage-token").status, 200);
        QCOMPARE(m_rie.received().size(), before + 1);
        const QString other = QStringLiteral("http://127.0.0.1:%1/restapis/authapi/other/_user_request_/cached").arg(m_engine.port());
        QCOMPARE(m_client.send("GET", other, {{"Authorization", "stage-token"}}).status, 200);
        QCOMPARE(m_rie.received().size(), before + 2);
    }

    void ttlZeroCallsEveryTime()
    {
        const qsizetype before = m_rie.received().size();
        QCOMPARE(get(QStringLiteral("/uncached"), "t0").status, 200);
        QCOMPARE(get(QStringLiteral("/uncached"), "t0").status, 200);
        QCOMPARE(m_rie.received().size(), before + 2);
        const QJsonObject event = QJsonDocument::fromJson(m_rie.received().last().body).object();
        QCOMPARE(event.value(QStringLiteral("type")).toString(), QStringLiteral("TOKEN"));
        QCOMPARE(event.value(QStringLiteral("authorizationToken")).toString(), QStringLiteral("t0"));
        QCOMPARE(event.value(QStringLiteral("methodArn")).toString(), QStringLiteral("arn:aws:execute-api:us-east-1:000000000000:authapi/stage/GET/uncached"));
    }

    void regexMismatchIsRejectedWithoutCalling()
    {
        const qsizetype before = m_rie.received().size();
        const Reply r = get(QStringLiteral("/regex"), "Bearer xyz");
        QCOMPARE(r.status, 401);
        QCOMPARE(r.body, QByteArray(R"({"message":"Unauthorized"})"));
        QCOMPARE(m_rie.received().size(), before);
        QCOMPARE(get(QStringLiteral("/regex"), "allow-abc").status, 200);
        QCOMPARE(m_rie.received().size(), before + 1);
    }

    void cachedPolicyIsReevaluatedForEachMethodArn()
    {
        // The policy names /token's ARN only: reused from the cache for /token2 it does not cover it
        // (the spurious 403 AWS users know from per-method policies with caching on).
        QCOMPARE(get(QStringLiteral("/token"), "allow-scoped").status, 200);
        const Reply r = get(QStringLiteral("/token2"), "allow-scoped");
        QCOMPARE(r.status, 403);
        QCOMPARE(r.body, QByteArray(R"({"Message":"User is not authorized to access this resource"})"));
        // A fresh token is evaluated for /token2's own ARN.
        QCOMPARE(get(QStringLiteral("/token2"), "allow-fresh").status, 200);
    }

    void requestAuthorizerGetsTheRequestEvent()
    {
        QList<QPair<QByteArray, QByteArray>> headers{{"X-Key", "k1"}};
        const Reply r = m_client.send("GET", url(QStringLiteral("/request/42?q=yes")), headers);
        QCOMPARE(r.status, 200);
        QCOMPARE(json(r).value(QStringLiteral("tier")).toString(),
                 QStringLiteral("REQUEST|/request/{id}|/request/42|GET|stagevalue|stage|nobody"));
        QCOMPARE(json(r).value(QStringLiteral("principal")).toString(), QStringLiteral("req-user"));
        // Same sources, other values: not served from the first result's cache entry.
        const Reply denied = m_client.send("GET", url(QStringLiteral("/request/42?q=no")), headers);
        QCOMPARE(denied.status, 403);
        // With caching on, every identity source is required.
        const Reply missing = m_client.send("GET", url(QStringLiteral("/request/42")), headers);
        QCOMPARE(missing.status, 401);
    }

    void httpEndpointAuthorizer()
    {
        const Reply r = get(QStringLiteral("/http"), "fine");
        QCOMPARE(r.status, 200);
        QCOMPARE(json(r).value(QStringLiteral("principal")).toString(), QStringLiteral("http-user"));
        QCOMPARE(json(r).value(QStringLiteral("tier")).toString(), QStringLiteral("silver"));
        const gw::HttpRequest &sent = m_httpAuth.received().last();
        QCOMPARE(sent.method, QByteArray("POST"));
        QCOMPARE(QJsonDocument::fromJson(sent.body).object().value(QStringLiteral("type")).toString(), QStringLiteral("TOKEN"));
    }

    void iamMethodWithoutSignatureIsMissingToken()
    {
        const Reply r = get(QStringLiteral("/iam"), QByteArray());
        QCOMPARE(r.status, 403);
        QCOMPARE(r.body, QByteArray(R"({"message":"Missing Authentication Token"})"));
        QCOMPARE(r.header("x-amzn-ErrorType"), QByteArray("MissingAuthenticationTokenException"));
        // A signature is verified (tst_iamauthorization): this one lacks its other parts.
        const Reply partial = get(QStringLiteral("/iam"), "AWS4-HMAC-SHA256 Credential=AKID/20240101/us-east-1/execute-api/aws4_request");
        QCOMPARE(partial.status, 403);
        QCOMPARE(partial.header("x-amzn-ErrorType"), QByteArray("IncompleteSignatureException"));
    }

    void cleanupTestCase() { m_engine.stop(); }
};

QTEST_GUILESS_MAIN(TestLambdaAuthorizer)
#include "tst_lambdaauthorizer.moc"
