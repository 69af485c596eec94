#include "gatewayclient.h"
#include "lambdatestproject.h"
#include "testproject.h"
#include "upstreamserver.h"

#include "gateway/deploy/runtimeconfig.h"
#include "gateway/model/deployments.h"
#include "gateway/runtime/accesslogsinks.h"
#include "gateway/runtime/engine.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace gw::model;
using gwtest::GatewayClient;
using gwtest::Reply;
using gwtest::UpstreamServer;

// X-Amzn-Trace-Id through the real engine on 127.0.0.1:0: made in AWS's format or continued from
// the client, handed to Lambda functions (the proxy event, the runtime endpoint's Invoke request)
// and to HTTP upstreams, and answered for AWS, AWS_PROXY and HTTP integrations only.
class TestTraceHeader : public QObject
{
    Q_OBJECT

    UpstreamServer m_upstream; // an HTTP backend, and the runtime endpoint of function "remote"
    gw::runtime::Engine m_engine;
    GatewayClient m_client;
    QTemporaryDir m_dir;

    static inline const QByteArray kIncoming = "Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=1";

    QString url(const QString &path) const
    {
        return QStringLiteral("http://127.0.0.1:%1/restapis/traceapi/live/_user_request_%2").arg(m_engine.port()).arg(path);
    }

    // The gateway's own header: "Root=1-{epoch seconds, 8 hex}-{24 hex}" of a time in [from, to].
    static bool isFreshTraceHeader(const QByteArray &header, qint64 from, qint64 to)
    {
        static const QRegularExpression format(QStringLiteral("^Root=1-([0-9a-f]{8})-[0-9a-f]{24}$"));
        const auto m = format.match(QString::fromLatin1(header));
        if (!m.hasMatch())
            return false;
        const qint64 seconds = m.captured(1).toLongLong(nullptr, 16);
        return seconds >= from && seconds <= to;
    }

    static qint64 now() { return QDateTime::currentSecsSinceEpoch(); }

    QByteArray receivedHeader(qsizetype before) const
    {
        if (m_upstream.received().size() != before + 1)
            return "(upstream received " + QByteArray::number(m_upstream.received().size() - before) + " requests)";
        return m_upstream.received().last().headers.value("x-amzn-trace-id");
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(m_upstream.isListening());
        m_upstream.setHandler([](const gw::HttpRequest &) {
            UpstreamServer::Answer a;
            a.response.status = 200;
            a.response.headers.set("Content-Type", "application/json");
            a.response.body = "{\"from\":\"upstream\"}";
            return a;
        });
        Project project;
        project.functions = {
            gwtest::jsFunction(QStringLiteral("echo"), QStringLiteral(
                "exports.handler = async (event) => ({ statusCode: 200, body: JSON.stringify(event) });")),
            gwtest::endpointFunction(QStringLiteral("remote"), m_upstream.baseUrl()),
        };
        Api api = newRestApi(QStringLiteral("Trace"));
        api.id = QStringLiteral("traceapi");
        gwtest::addResource(api, QStringLiteral("/proxy")).methods.insert(QStringLiteral("GET"),
            gwtest::lambdaProxyMethod(QStringLiteral("GET"), QStringLiteral("echo")));
        IntegrationResponse ok;
        ok.statusCode = QStringLiteral("200");
        Method plain = gwtest::lambdaMethod(QStringLiteral("POST"), QStringLiteral("remote"));
        plain.integration->integrationResponses = {ok};
        gwtest::addResource(api, QStringLiteral("/plain")).methods.insert(QStringLiteral("POST"), plain);
        gwtest::addResource(api, QStringLiteral("/passthrough")).methods.insert(QStringLiteral("GET"),
            gwtest::httpMethod(QStringLiteral("GET"), IntegrationType::HttpProxy, m_upstream.baseUrl() + QStringLiteral("/pass")));
        Method http = gwtest::httpMethod(QStringLiteral("GET"), IntegrationType::Http, m_upstream.baseUrl() + QStringLiteral("/http"));
        http.integration->integrationResponses = {ok};
        gwtest::addResource(api, QStringLiteral("/http")).methods.insert(QStringLiteral("GET"), http);
        gwtest::addResource(api, QStringLiteral("/mock")).methods.insert(QStringLiteral("GET"),
            gwtest::mockMethod(QStringLiteral("GET"), 200, QStringLiteral("{}")));
        project.apis.append(api);
        deploy(project.apis[0], QStringLiteral("live"));
        Stage *stage = project.apis[0].stage(QStringLiteral("live"));
        stage->tracingEnabled = true;
        stage->accessLogFormat = QStringLiteral("$context.requestId $context.xrayTraceId");
        stage->accessLogDestination = QStringLiteral("access.log");
        Diagnostics diagnostics;
        m_engine.deploy(gw::deploy::compile(project, &diagnostics, m_dir.path()));
        QVERIFY(diagnostics.isEmpty());
        QVERIFY(gwtest::startOnFreePort(m_engine));
    }

    void awsProxyAnswersWithANewTraceHeaderTheFunctionAlsoSees()
    {
        const qint64 from = now();
        const Reply r = m_client.send("GET", url(QStringLiteral("/proxy")));
        const qint64 to = now();
        QCOMPARE(r.status, 200);
        const QByteArray header = r.header("x-amzn-trace-id");
        QVERIFY2(isFreshTraceHeader(header, from, to), header.constData());
        const QJsonObject event = QJsonDocument::fromJson(r.body).object();
        QCOMPARE(event.value(QStringLiteral("headers")).toObject().value(QStringLiteral("X-Amzn-Trace-Id")).toString(),
                 QString::fromLatin1(header));
        QCOMPARE(event.value(QStringLiteral("multiValueHeaders")).toObject().value(QStringLiteral("X-Amzn-Trace-Id")).toArray(),
                 QJsonArray{QString::fromLatin1(header)});
        // Each request is its own trace.
        const Reply again = m_client.send("GET", url(QStringLiteral("/proxy")));
        QVERIFY(isFreshTraceHeader(again.header("x-amzn-trace-id"), from, now()));
        QVERIFY(again.header("x-amzn-trace-id") != header);
    }

    void anIncomingTraceIsContinued()
    {
        const Reply r = m_client.send("GET", url(QStringLiteral("/proxy")), {{"X-Amzn-Trace-Id", kIncoming}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("x-amzn-trace-id"), kIncoming);
        const QJsonObject headers = QJsonDocument::fromJson(r.body).object().value(QStringLiteral("headers")).toObject();
        QCOMPARE(headers.value(QStringLiteral("X-Amzn-Trace-Id")).toString(), QString::fromLatin1(kIncoming));
    }

    void aMalformedIncomingTraceIsReplaced()
    {
        const qint64 from = now();
        const Reply r = m_client.send("GET", url(QStringLiteral("/proxy")), {{"X-Amzn-Trace-Id", "Root=not-a-trace"}});
        QCOMPARE(r.status, 200);
        QVERIFY2(isFreshTraceHeader(r.header("x-amzn-trace-id"), from, now()), r.header("x-amzn-trace-id").constData());
    }

    void awsLambdaInvokeCarriesTheTraceAndAnswersWithIt()
    {
        const qsizetype before = m_upstream.received().size();
        const Reply r = m_client.send("POST", url(QStringLiteral("/plain")), {{"Content-Type", "application/json"}, {"X-Amzn-Trace-Id", kIncoming}},
                                      "{\"a\":1}");
        QCOMPARE(r.status, 200);
        QCOMPARE(receivedHeader(before), kIncoming);
        QCOMPARE(m_upstream.received().last().rawPath(), QByteArray("/2015-03-31/functions/function/invocations"));
        QCOMPARE(r.header("x-amzn-trace-id"), kIncoming);
    }

    void httpProxyUpstreamReceivesTheTrace()
    {
        qsizetype before = m_upstream.received().size();
        const qint64 from = now();
        Reply r = m_client.send("GET", url(QStringLiteral("/passthrough")));
        QCOMPARE(r.status, 200);
        const QByteArray sent = receivedHeader(before);
        QVERIFY2(isFreshTraceHeader(sent, from, now()), sent.constData());
        // HTTP_PROXY answers with the upstream's headers: this upstream sends no trace header.
        QVERIFY(r.header("x-amzn-trace-id").isEmpty());

        before = m_upstream.received().size();
        r = m_client.send("GET", url(QStringLiteral("/passthrough")), {{"X-Amzn-Trace-Id", kIncoming}});
        QCOMPARE(r.status, 200);
        QCOMPARE(receivedHeader(before), kIncoming);
        QCOMPARE(m_upstream.received().last().headers.values("x-amzn-trace-id").size(), 1);
    }

    void httpUpstreamReceivesTheTraceTheClientGetsBack()
    {
        const qsizetype before = m_upstream.received().size();
        const qint64 from = now();
        const Reply r = m_client.send("GET", url(QStringLiteral("/http")));
        QCOMPARE(r.status, 200);
        const QByteArray sent = receivedHeader(before);
        QVERIFY2(isFreshTraceHeader(sent, from, now()), sent.constData());
        QCOMPARE(r.header("x-amzn-trace-id"), sent);
    }

    void mockAndGatewayErrorsAnswerWithout()
    {
        const Reply mock = m_client.send("GET", url(QStringLiteral("/mock")), {{"X-Amzn-Trace-Id", kIncoming}});
        QCOMPARE(mock.status, 200);
        QVERIFY(mock.header("x-amzn-trace-id").isEmpty());
        const Reply missing = m_client.send("GET", url(QStringLiteral("/nothing-here")), {{"X-Amzn-Trace-Id", kIncoming}});
        QCOMPARE(missing.status, 403);
        QVERIFY(missing.header("x-amzn-trace-id").isEmpty());
    }

    void accessLogNamesTheTraceOnATracedStage()
    {
        const Reply r = m_client.send("GET", url(QStringLiteral("/proxy")), {{"X-Amzn-Trace-Id", kIncoming}});
        QCOMPARE(r.status, 200);
        const QByteArray requestId = r.header("x-amzn-requestid");
        m_engine.accessLogs()->flushAll();
        QFile f(m_dir.filePath(QStringLiteral("access.log")));
        QVERIFY(f.open(QIODevice::ReadOnly));
        bool found = false;
        for (const QByteArray &line : f.readAll().split('\n'))
            if (line.startsWith(QByteArray(requestId + ' '))) {
                QCOMPARE(line, QByteArray(requestId + " 1-5759e988-bd862e3fe1be46a994272793"));
                found = true;
            }
        QVERIFY(found);
    }
};

QTEST_GUILESS_MAIN(TestTraceHeader)
#include "tst_traceheader.moc"
