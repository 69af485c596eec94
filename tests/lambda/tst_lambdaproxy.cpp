#include "gatewayclient.h"
#include "lambdatestproject.h"
#include "testproject.h"
#include "upstreamserver.h"

#include "gateway/deploy/runtimeconfig.h"
#include "gateway/functions/functionruntime.h"
#include "gateway/model/deployments.h"
#include "gateway/runtime/engine.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

using namespace gw::model;
using gwtest::GatewayClient;
using gwtest::Reply;
using gwtest::UpstreamServer;

// AWS_PROXY through the real engine on 127.0.0.1:0: the 1.0 event checked against AWS's own
// recordings, the response contract (reference §3.3) row by row through a fake Lambda Runtime
// Interface Emulator that returns exactly the bytes a row asks for, JavaScript function errors
// and timeouts, and requests to other routes flowing while a function spins.
class TestLambdaProxy : public QObject
{
    Q_OBJECT

    UpstreamServer m_rie;  // plays the Runtime Interface Emulator
    gw::runtime::Engine m_engine;
    Project m_project;
    GatewayClient m_client;

    QString url(const QString &pathAndQuery) const
    {
        return QStringLiteral("http://127.0.0.1:%1/restapis/lambdaapi/stage/_user_request_%2").arg(m_engine.port()).arg(pathAndQuery);
    }

    static QJsonObject loadCorpus(const char *file)
    {
        QFile f(QStringLiteral(GW_SOURCE_DIR "/tests/data/lambda/") + QLatin1String(file));
        if (!f.open(QIODevice::ReadOnly))
            return {};
        return QJsonDocument::fromJson(f.readAll()).object();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_rie.isListening());
        // The fake runtime answers with the event's body verbatim, as the function's raw output;
        // a request header asks it to flag a function error.
        m_rie.setHandler([](const gw::HttpRequest &request) {
            UpstreamServer::Answer a;
            const QJsonObject event = QJsonDocument::fromJson(request.body).object();
            a.response.status = 200;
            a.response.headers.set("Content-Type", "application/json");
            a.response.body = event.value(QStringLiteral("body")).toString().toUtf8();
            const QJsonObject headers = event.value(QStringLiteral("headers")).toObject();
            if (headers.contains(QStringLiteral("X-Fail")))
                a.response.headers.set("X-Amz-Function-Error", "Unhandled");
            return a;
        });

        m_project.functions = {
            gwtest::jsFunction(QStringLiteral("echo"), QStringLiteral(
                "exports.handler = async (event) => ({ statusCode: 200, body: JSON.stringify(event) });")),
            gwtest::jsFunction(QStringLiteral("created"), QStringLiteral(
                "exports.handler = async (event, context) => {\n"
                "  console.log('handling', event.path);\n"
                "  console.warn('careful');\n"
                "  return { statusCode: 201, headers: { 'X-Fn': context.functionName }, body: 'made' };\n};")),
            gwtest::jsFunction(QStringLiteral("thrower"), QStringLiteral(
                "exports.handler = async () => { throw new Error('kaboom'); };")),
            gwtest::jsFunction(QStringLiteral("spinner"), QStringLiteral(
                "exports.handler = async () => { for (;;) {} };"), 2),
            gwtest::jsFunction(QStringLiteral("slowspinner"), QStringLiteral(
                "exports.handler = async () => { for (;;) {} };"), 10),
            gwtest::jsFunction(QStringLiteral("escaper"), QStringLiteral(
                "exports.handler = async () => ({ body: JSON.stringify([typeof require, typeof XMLHttpRequest, typeof fetch]) });")),
            gwtest::endpointFunction(QStringLiteral("raw"), m_rie.baseUrl()),
        };
        Api api = newRestApi(QStringLiteral("Lambda"));
        api.id = QStringLiteral("lambdaapi");
        api.design.binaryMediaTypes = {QStringLiteral("image/png")};
        gwtest::addResource(api, QStringLiteral("/{proxy+}")).methods.insert(QStringLiteral("ANY"),
            gwtest::lambdaProxyMethod(QStringLiteral("ANY"), QStringLiteral("echo")));
        gwtest::addResource(api, QStringLiteral("/hardcoded")).methods.insert(QStringLiteral("ANY"),
            gwtest::lambdaProxyMethod(QStringLiteral("ANY"), QStringLiteral("echo")));
        Method ignored = gwtest::lambdaProxyMethod(QStringLiteral("ANY"), QStringLiteral("echo"));
        ignored.integration->requestParameters = {
            {QStringLiteral("integration.request.header.headerVar"), QStringLiteral("method.request.header.foobar")},
            {QStringLiteral("integration.request.querystring.queryString"), QStringLiteral("method.request.querystring.testQueryString")}};
        gwtest::addResource(api, QStringLiteral("/mapped/{pathVariable}")).methods.insert(QStringLiteral("ANY"), ignored);
        const auto route = [&](const char *path, const QString &function, int timeoutMs = 29000) {
            gwtest::addResource(api, QLatin1String(path)).methods.insert(QStringLiteral("ANY"),
                gwtest::lambdaProxyMethod(QStringLiteral("ANY"), function, timeoutMs));
        };
        route("/raw", QStringLiteral("raw"));
        route("/created", QStringLiteral("created"));
        route("/thrower", QStringLiteral("thrower"));
        route("/spin", QStringLiteral("spinner"));
        route("/slowspin", QStringLiteral("slowspinner"), 500);
        route("/escape", QStringLiteral("escaper"));
        route("/missing", QStringLiteral("nosuchfunction"));
        gwtest::addResource(api, QStringLiteral("/ping")).methods.insert(QStringLiteral("GET"),
            gwtest::mockMethod(QStringLiteral("GET"), 200, QStringLiteral("{\"pong\":true}")));
        m_project.apis.append(api);
        deploy(m_project.apis[0], QStringLiteral("stage"));
        m_engine.deploy(gw::deploy::compile(m_project, nullptr));
        gw::runtime::EngineOptions options;
        options.captureDetails = true;
        QVERIFY(gwtest::startOnFreePort(m_engine, options));
    }

    void proxyEventMatchesAwsRecordings_data()
    {
        QTest::addColumn<QJsonObject>("request");
        QTest::addColumn<QJsonObject>("expected");
        QTest::addColumn<QString>("prefix");
        const QJsonObject corpus = loadCorpus("lambda-proxy-event.json");
        QVERIFY(!corpus.value(QStringLiteral("cases")).toArray().isEmpty());
        for (const QJsonValue &v : corpus.value(QStringLiteral("cases")).toArray()) {
            const QJsonObject c = v.toObject();
            // "//stage/..." cannot be said with our /restapis/{id}/{stage}/_user_request_ address.
            if (c.value(QStringLiteral("id")).toString().endsWith(QLatin1String("prepended-slash-to-stage")))
                continue;
            QTest::newRow(qPrintable(c.value(QStringLiteral("id")).toString()))
                << c.value(QStringLiteral("request")).toObject() << c.value(QStringLiteral("expected_lambda_event")).toObject() << QString();
        }
        // AWS_PROXY ignores integration request parameters: the event is the method request.
        const QJsonObject c = loadCorpus("lambda-proxy-ignores-request-parameters.json").value(QStringLiteral("cases")).toArray().at(0).toObject();
        QTest::newRow("proxy-ignores-request-parameters") << c.value(QStringLiteral("request")).toObject()
            << c.value(QStringLiteral("expected")).toObject().value(QStringLiteral("content")).toObject() << QStringLiteral("/mapped");
    }

    void proxyEventMatchesAwsRecordings()
    {
        QFETCH(QJsonObject, request);
        QFETCH(QJsonObject, expected);
        QFETCH(QString, prefix);
        // The recorded target is /{stage}/{path}; ours puts the path below _user_request_.
        QString target = request.value(QStringLiteral("target")).toString();
        target = target.mid(target.indexOf(QLatin1Char('/'), target.startsWith(QLatin1String("//")) ? 2 : 1));
        QList<QPair<QByteArray, QByteArray>> headers;
        const QJsonObject sent = request.value(QStringLiteral("headers")).toObject();
        for (auto it = sent.begin(); it != sent.end(); ++it)
            headers.append({it.key().toUtf8(), it.value().toString().toUtf8()});
        const QByteArray body = request.value(QStringLiteral("body")).toString().toUtf8();
        const Reply r = m_client.send(request.value(QStringLiteral("method")).toString().toLatin1(), url(prefix + target), headers, body);
        QCOMPARE(r.status, 200);
        const QJsonObject event = QJsonDocument::fromJson(r.body).object();
        QVERIFY2(!event.isEmpty(), r.body.constData());

        // Every top-level key, and the deterministic values exactly.
        QCOMPARE(QStringList(event.keys()), QStringList(expected.keys()));
        // AWS drops extra slashes in front of the path before routing.
        QCOMPARE(event.value(QStringLiteral("resource")).toString(), prefix + expected.value(QStringLiteral("resource")).toString());
        QCOMPARE(event.value(QStringLiteral("pathParameters")), expected.value(QStringLiteral("pathParameters")));
        QCOMPARE(event.value(QStringLiteral("path")).toString(), prefix + expected.value(QStringLiteral("path")).toString());
        for (const char *key : {"httpMethod", "queryStringParameters",
                                "multiValueQueryStringParameters", "stageVariables", "isBase64Encoded"})
            QCOMPARE(event.value(QLatin1String(key)), expected.value(QLatin1String(key)));
        // A recorded body object stands for the JSON text the function saw.
        const QJsonValue expectedBody = expected.value(QStringLiteral("body"));
        if (expectedBody.isObject())
            QCOMPARE(QJsonDocument::fromJson(event.value(QStringLiteral("body")).toString().toUtf8()).object(), expectedBody.toObject());
        else
            QCOMPARE(event.value(QStringLiteral("body")), expectedBody);

        // Headers the client sent keep their casing, in both maps; API Gateway's own are added.
        const QJsonObject single = event.value(QStringLiteral("headers")).toObject();
        const QJsonObject multi = event.value(QStringLiteral("multiValueHeaders")).toObject();
        const QJsonObject expectedSingle = expected.value(QStringLiteral("headers")).toObject();
        for (auto it = sent.begin(); it != sent.end(); ++it) {
            // EDGE endpoints re-case a few names through CloudFront (reference §3.2); REGIONAL
            // endpoints, like ours, keep the client's casing.
            const QString name = it.key();
            bool recorded = false;
            for (auto e = expectedSingle.begin(); e != expectedSingle.end(); ++e)
                recorded = recorded || (e.key().compare(name, Qt::CaseInsensitive) == 0 && e.value() == it.value());
            QVERIFY2(recorded, qPrintable(name));
            QVERIFY2(single.contains(name), qPrintable(name));
            QCOMPARE(single.value(name).toString(), it.value().toString());
            QCOMPARE(multi.value(name).toArray(), QJsonArray{it.value().toString()});
        }
        for (const char *added : {"Host", "X-Forwarded-For", "X-Forwarded-Port", "X-Forwarded-Proto", "X-Amzn-Trace-Id"}) {
            QVERIFY2(expectedSingle.contains(QLatin1String(added)), added);
            QVERIFY2(single.contains(QLatin1String(added)), added);
        }

        // requestContext: AWS's keys, with the values that do not vary.
        const QJsonObject ctx = event.value(QStringLiteral("requestContext")).toObject();
        const QJsonObject expectedCtx = expected.value(QStringLiteral("requestContext")).toObject();
        QCOMPARE(QStringList(ctx.keys()), QStringList(expectedCtx.keys()));
        QCOMPARE(ctx.value(QStringLiteral("identity")).toObject().keys(), expectedCtx.value(QStringLiteral("identity")).toObject().keys());
        QCOMPARE(ctx.value(QStringLiteral("path")).toString(), expectedCtx.value(QStringLiteral("path")).toString()
                                                                   .replace(QLatin1String("/test/"), QLatin1String("/stage/mapped/")));
        for (const char *key : {"httpMethod", "protocol"})
            QCOMPARE(ctx.value(QLatin1String(key)), expectedCtx.value(QLatin1String(key)));
        QCOMPARE(ctx.value(QStringLiteral("stage")).toString(), QStringLiteral("stage"));
        QCOMPARE(ctx.value(QStringLiteral("resourcePath")), event.value(QStringLiteral("resource")));
        QVERIFY(ctx.value(QStringLiteral("requestTimeEpoch")).isDouble());
    }

    void responseContract_data()
    {
        QTest::addColumn<QByteArray>("output");  // the function's raw output
        QTest::addColumn<QByteArray>("accept");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("header");  // "Name: value" expected with this exact casing, or empty
        const QByteArray error = "{\"message\":\"Internal server error\"}";
        QTest::newRow("not JSON") << QByteArray("hello") << QByteArray() << 502 << error << QByteArray();
        QTest::newRow("a JSON string") << QByteArray("\"justAString\"") << QByteArray() << 502 << error << QByteArray();
        QTest::newRow("null") << QByteArray("null") << QByteArray() << 502 << error << QByteArray();
        QTest::newRow("unknown key") << QByteArray("{\"statusCode\":200,\"extra\":1}") << QByteArray() << 502 << error << QByteArray();
        QTest::newRow("statusCode missing is 200") << QByteArray("{\"body\":\"x\"}") << QByteArray() << 200 << QByteArray("x") << QByteArray("Content-Type: application/json");
        QTest::newRow("numeric string statusCode") << QByteArray("{\"statusCode\":\"201\",\"body\":\"y\"}") << QByteArray() << 201 << QByteArray("y") << QByteArray();
        QTest::newRow("non-numeric statusCode") << QByteArray("{\"statusCode\":\"abc\"}") << QByteArray() << 502 << error << QByteArray();
        QTest::newRow("headers null") << QByteArray("{\"statusCode\":200,\"headers\":null,\"body\":\"ok\"}") << QByteArray() << 200 << QByteArray("ok") << QByteArray();
        QTest::newRow("boolean header value") << QByteArray("{\"headers\":{\"X-Flag\":true}}") << QByteArray() << 200 << QByteArray() << QByteArray("X-Flag: true");
        QTest::newRow("number header value") << QByteArray("{\"headers\":{\"X-N\":1}}") << QByteArray() << 502 << error << QByteArray();
        QTest::newRow("multiValueHeaders not a list") << QByteArray("{\"multiValueHeaders\":{\"X-M\":\"a\"}}") << QByteArray() << 502 << error << QByteArray();
        QTest::newRow("multi and single merge, multi casing")
            << QByteArray("{\"headers\":{\"x-dup\":\"value-solo\"},\"multiValueHeaders\":{\"X-Dup\":[\"value-multi\"]}}")
            << QByteArray() << 200 << QByteArray() << QByteArray("X-Dup: value-multi, value-solo");
        QTest::newRow("body missing is empty") << QByteArray("{\"statusCode\":200}") << QByteArray() << 200 << QByteArray() << QByteArray("Content-Length: 0");
        QTest::newRow("body not a string") << QByteArray("{\"body\":{\"a\":1}}") << QByteArray() << 502 << error << QByteArray();
        QTest::newRow("own Content-Type kept") << QByteArray("{\"headers\":{\"Content-Type\":\"text/plain\"},\"body\":\"t\"}") << QByteArray()
                                               << 200 << QByteArray("t") << QByteArray("Content-Type: text/plain");
        QTest::newRow("base64 decoded for a binary Accept") << QByteArray("{\"isBase64Encoded\":true,\"body\":\"iVBORw==\"}")
            << QByteArray("image/png") << 200 << QByteArray::fromBase64("iVBORw==") << QByteArray();
        QTest::newRow("base64 kept for a text Accept") << QByteArray("{\"isBase64Encoded\":true,\"body\":\"iVBORw==\"}")
            << QByteArray("application/json") << 200 << QByteArray("iVBORw==") << QByteArray();
    }

    void responseContract()
    {
        QFETCH(QByteArray, output);
        QFETCH(QByteArray, accept);
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, header);
        QList<QPair<QByteArray, QByteArray>> headers{{"Content-Type", "text/plain"}};
        if (!accept.isEmpty())
            headers.append({"Accept", accept});
        const Reply r = m_client.send("POST", url(QStringLiteral("/raw")), headers, output);
        QCOMPARE(r.status, status);
        QCOMPARE(r.body, body);
        if (status == 502)
            QCOMPARE(r.header("x-amzn-ErrorType"), QByteArray("InternalServerErrorException"));
        if (!header.isEmpty()) {
            const auto colon = header.indexOf(": ");
            bool found = false;
            for (const auto &h : r.headers)
                found = found || (h.first == header.left(colon) && h.second == header.mid(colon + 2));
            QVERIFY2(found, header.constData());
        }
    }

    void runtimeEndpointFunctionErrorIs502()
    {
        const Reply r = m_client.send("POST", url(QStringLiteral("/raw")), {{"X-Fail", "1"}},
                                      "{\"errorMessage\":\"boom\",\"errorType\":\"Error\"}");
        QCOMPARE(r.status, 502);
        const gw::HttpRequest &seen = m_rie.received().last();
        QCOMPARE(seen.method, QByteArray("POST"));
        QCOMPARE(seen.rawPath(), gw::functions::FunctionRuntime::invokePath());
    }

    void javaScriptResultBecomesTheResponseAndLogsReachTheTrace()
    {
        QSignalSpy records(&m_engine, &gw::runtime::Engine::requestsFinished);
        const Reply r = m_client.send("GET", url(QStringLiteral("/created")));
        QCOMPARE(r.status, 201);
        QCOMPARE(r.body, QByteArray("made"));
        QCOMPARE(r.header("X-Fn"), QByteArray("created"));
        QStringList trace;
        QTRY_VERIFY_WITH_TIMEOUT([&] {
            trace.clear();
            for (const auto &args : records)
                for (const auto &rec : args.at(0).value<QList<gw::runtime::RequestRecord>>())
                    if (rec.path.endsWith(QLatin1String("/created")))
                        for (const auto &line : rec.trace)
                            trace.append(line.text);
            return !trace.isEmpty();
        }(), 5000);
        QCOMPARE(trace.filter(QStringLiteral("\tINFO\thandling /created")).size(), 1);
        QCOMPARE(trace.filter(QStringLiteral("\tWARN\tcareful")).size(), 1);
    }

    void functionErrorIs502WithTheFunctionsMessageInTheTrace()
    {
        const Reply r = m_client.send("GET", url(QStringLiteral("/thrower")));
        QCOMPARE(r.status, 502);
        QCOMPARE(r.body, QByteArray("{\"message\":\"Internal server error\"}"));
    }

    void functionsHaveNoModuleOrNetworkApis()
    {
        const Reply r = m_client.send("GET", url(QStringLiteral("/escape")));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body, QByteArray("[\"undefined\",\"undefined\",\"undefined\"]"));
    }

    void unknownFunctionIs500()
    {
        const Reply r = m_client.send("GET", url(QStringLiteral("/missing")));
        QCOMPARE(r.status, 500);
        QCOMPARE(r.body, QByteArray("{\"message\":\"Internal server error\"}"));
    }

    void runawayFunctionTimesOutWhileOtherRoutesKeepServing()
    {
        QNetworkAccessManager manager;
        QNetworkReply *spinning = manager.get(QNetworkRequest(QUrl(url(QStringLiteral("/spin")))));
        QTest::qWait(200);  // the function is spinning now
        const Reply ping = m_client.send("GET", url(QStringLiteral("/ping")));
        QCOMPARE(ping.status, 200);
        QVERIFY2(!spinning->isFinished(), "the ping should be answered while the function still spins");
        QTRY_VERIFY_WITH_TIMEOUT(spinning->isFinished(), 10000);
        // Lambda stops a function at its own timeout and reports a function error: 502 for proxies.
        QCOMPARE(spinning->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 502);
        QCOMPARE(spinning->readAll(), QByteArray("{\"message\":\"Internal server error\"}"));
        delete spinning;
        // And the engine serves functions afterwards.
        QCOMPARE(m_client.send("GET", url(QStringLiteral("/created"))).status, 201);
    }

    void integrationTimeoutBeforeTheFunctionsIs504()
    {
        const Reply r = m_client.send("GET", url(QStringLiteral("/slowspin")));
        QCOMPARE(r.status, 504);
        QCOMPARE(r.body, QByteArray("{\"message\":\"Endpoint request timed out\"}"));
    }
};

QTEST_MAIN(TestLambdaProxy)
#include "tst_lambdaproxy.moc"
