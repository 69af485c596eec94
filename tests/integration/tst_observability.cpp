#include "gatewayclient.h"
#include "testproject.h"

#include "gateway/deploy/runtimeconfig.h"
#include "gateway/model/deployments.h"
#include "gateway/observe/accesslogformat.h"
#include "gateway/runtime/adminserver.h"
#include "gateway/runtime/engine.h"
#include "gateway/runtime/requestprocessor.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace gw::model;

// Metrics, access logs, Prometheus and traces for a known request mix over real sockets.
class TestObservability : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    gw::runtime::Engine m_engine;
    gwtest::GatewayClient m_client;
    Project m_project;

    QString url(const QString &path) const
    {
        return QStringLiteral("http://127.0.0.1:%1/restapis/obsapi/dev/_user_request_%2").arg(m_engine.port()).arg(path);
    }

private slots:
    void initTestCase()
    {
        Api api = newRestApi(QStringLiteral("Obs"));
        api.id = QStringLiteral("obsapi");
        gwtest::addResource(api, QStringLiteral("/ping")).methods.insert(QStringLiteral("GET"),
            gwtest::mockMethod(QStringLiteral("GET"), 200, QStringLiteral("{\"status\":\"ok\"}")));
        Method broken = gwtest::mockMethod(QStringLiteral("GET"), 200, QStringLiteral("{}"));
        broken.integration->integrationResponses[0].selectionPattern = QStringLiteral("5\\d\\d");
        gwtest::addResource(api, QStringLiteral("/broken")).methods.insert(QStringLiteral("GET"), broken);
        m_project.apis.append(api);
        deploy(m_project.apis[0], QStringLiteral("dev"));
        Stage *stage = m_project.apis[0].stage(QStringLiteral("dev"));
        stage->accessLogFormat = gw::observe::AccessLogFormat::preset(QStringLiteral("JSON"));
        stage->accessLogDestination = QStringLiteral("logs/dev-access.log");
        gw::model::Diagnostics diagnostics;
        m_engine.deploy(gw::deploy::compile(m_project, &diagnostics, m_dir.path()));
        QVERIFY(diagnostics.isEmpty());
        gw::runtime::EngineOptions options;
        options.captureDetails = true;
        QVERIFY(gwtest::startOnFreePort(m_engine, options));
    }

    void metricsCountAKnownMixExactly()
    {
        for (int i = 0; i < 10; ++i)
            QCOMPARE(m_client.send("GET", url(QStringLiteral("/ping"))).status, 200);
        for (int i = 0; i < 3; ++i)
            QCOMPARE(m_client.send("GET", url(QStringLiteral("/nope"))).status, 403);
        for (int i = 0; i < 2; ++i)
            QCOMPARE(m_client.send("GET", url(QStringLiteral("/broken"))).status, 500);
        auto metrics = m_engine.metrics();
        QTRY_COMPARE_WITH_TIMEOUT((metrics->collect(), metrics->total({QStringLiteral("obsapi"), {}, {}, {}}, 0, metrics->nowSecond()).count),
                                  quint64(15), 5000);
        const auto all = metrics->total({QStringLiteral("obsapi"), {}, {}, {}}, 0, metrics->nowSecond());
        QCOMPARE(all.errors4xx, quint64(3));
        QCOMPARE(all.errors5xx, quint64(2));
        const auto ping = metrics->total({QStringLiteral("obsapi"), QStringLiteral("dev"), QStringLiteral("/ping"), QStringLiteral("GET")}, 0, metrics->nowSecond());
        QCOMPARE(ping.count, quint64(10));
        QVERIFY(ping.latency.percentileMicros(0.99) > 0);
    }

    void accessLogHasOneJsonLinePerRequest()
    {
        m_engine.accessLogs()->flushAll();
        QFile f(m_dir.filePath(QStringLiteral("logs/dev-access.log")));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = f.readAll().trimmed().split('\n');
        QCOMPARE(lines.size(), 15);
        int ok = 0;
        for (const QByteArray &line : lines) {
            QJsonParseError error;
            const QJsonObject o = QJsonDocument::fromJson(line, &error).object();
            QVERIFY2(error.error == QJsonParseError::NoError, line.constData());
            QCOMPARE(o.value(QStringLiteral("requestId")).toString().size(), 36);
            QCOMPARE(o.value(QStringLiteral("ip")).toString(), QStringLiteral("127.0.0.1"));
            if (o.value(QStringLiteral("status")).toString() == QLatin1String("200")) {
                QCOMPARE(o.value(QStringLiteral("resourcePath")).toString(), QStringLiteral("/ping"));
                ++ok;
            }
        }
        QCOMPARE(ok, 10);
    }

    void prometheusExpositionParsesWithARealParser()
    {
        gw::runtime::AdminServer admin(&m_engine);
        QString error;
        const quint16 port = admin.listen(QHostAddress::LocalHost, 0, &error);
        QVERIFY2(port, qPrintable(error));
        const auto reply = m_client.send("GET", QStringLiteral("http://127.0.0.1:%1/metrics").arg(port));
        QCOMPARE(reply.status, 200);
        QVERIFY(reply.header("content-type").startsWith("text/plain; version=0.0.4"));
        // The Prometheus project's own Python parser (Debian's python3-prometheus-client).
        QProcess python;
        python.start(QStringLiteral("/usr/bin/python3"), {QStringLiteral("-c"), QStringLiteral(
            "import sys\n"
            "from prometheus_client.parser import text_string_to_metric_families as parse\n"
            "total = 0\n"
            "for fam in parse(sys.stdin.read()):\n"
            "    for s in fam.samples:\n"
            "        if s.name == 'gatewright_requests_total' and s.labels['api'] == 'obsapi': total += s.value\n"
            "        if s.name.endswith('_bucket') and s.labels['le'] == '+Inf': assert s.value >= 0\n"
            "print(int(total))\n")});
        QVERIFY(python.waitForStarted());
        python.write(reply.body);
        python.closeWriteChannel();
        QVERIFY(python.waitForFinished(20000));
        QVERIFY2(python.exitCode() == 0, python.readAllStandardError().constData());
        QCOMPARE(python.readAllStandardOutput().trimmed(), QByteArray("15"));
    }

    void adminEndpointServesRecentTraces()
    {
        QCOMPARE(m_client.send("GET", url(QStringLiteral("/ping?which=traced"))).status, 200);
        gw::runtime::AdminServer admin(&m_engine);
        QString error;
        const quint16 port = admin.listen(QHostAddress::LocalHost, 0, &error);
        QVERIFY2(port, qPrintable(error));
        QTRY_VERIFY(m_engine.traces()->size() > 0);
        const auto list = m_client.send("GET", QStringLiteral("http://127.0.0.1:%1/traces?limit=1").arg(port));
        QCOMPARE(list.status, 200);
        const QJsonObject latest = QJsonDocument::fromJson(list.body.trimmed()).object();
        QCOMPARE(latest.value(QStringLiteral("path")).toString(), QStringLiteral("/restapis/obsapi/dev/_user_request_/ping"));
        QVERIFY(!latest.value(QStringLiteral("trace")).toArray().isEmpty());
        const QString id = latest.value(QStringLiteral("requestId")).toString();
        const auto one = m_client.send("GET", QStringLiteral("http://127.0.0.1:%1/traces/%2").arg(port).arg(id));
        QCOMPARE(one.status, 200);
        QCOMPARE(QJsonDocument::fromJson(one.body).object().value(QStringLiteral("requestId")).toString(), id);
        QCOMPARE(m_client.send("GET", QStringLiteral("http://127.0.0.1:%1/traces/nope").arg(port)).status, 404);
    }

    void traceStoreIsBoundedByCountAndBytes()
    {
        gw::runtime::TraceStore byCount(3, 1 << 30);
        gw::runtime::TraceStore byBytes(1000, 10000);
        for (int i = 0; i < 10; ++i) {
            gw::runtime::RequestRecord r;
            r.requestId = QString::number(i);
            r.response.body = QByteArray(3000, 'x');
            byCount.add(r);
            byBytes.add(r);
        }
        QCOMPARE(byCount.size(), 3);
        QVERIFY(byCount.find(QStringLiteral("9")));
        QVERIFY(!byCount.find(QStringLiteral("6")));
        QVERIFY(byBytes.bytes() <= 10000);
        QVERIFY(byBytes.size() >= 2);
        QVERIFY(byBytes.find(QStringLiteral("9")));
    }

    void everyErrorClassLeavesItsTrace_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<int>("status");
        QTest::addColumn<QStringList>("lines");
        QTest::newRow("2xx") << "/ping" << QByteArray() << 200
                             << QStringList{QStringLiteral("HTTP Method: GET, Resource Path: /ping"), QStringLiteral("Method response body after transformations: {\"status\":\"ok\"}"),
                                            QStringLiteral("Successfully completed execution"), QStringLiteral("Method completed with status: 200")};
        QTest::newRow("403 no route") << "/nope" << QByteArray() << 403
                                      << QStringList{QStringLiteral("Gateway response type: MISSING_AUTHENTICATION_TOKEN with status code: 403"),
                                                     QStringLiteral("Method completed with status: 403")};
        QTest::newRow("415 passthrough never") << "/strict" << QByteArray("text/plain") << 415
                                               << QStringList{QStringLiteral("passthrough behaviour is NEVER"),
                                                              QStringLiteral("Gateway response type: UNSUPPORTED_MEDIA_TYPE with status code: 415")};
        QTest::newRow("500 no output mapping") << "/broken" << QByteArray() << 500
                                               << QStringList{QStringLiteral("No match for output mapping and no default output mapping configured. Endpoint Response Status Code: 200"),
                                                              QStringLiteral("Gateway response type: API_CONFIGURATION_ERROR with status code: 500")};
    }
    void everyErrorClassLeavesItsTrace()
    {
        QFETCH(QString, path);
        QFETCH(QByteArray, contentType);
        QFETCH(int, status);
        QFETCH(QStringList, lines);
        Project project = m_project;
        Method strict = gwtest::mockMethod(QStringLiteral("POST"), 200, QStringLiteral("{}"));
        strict.integration->passthroughBehavior = PassthroughBehavior::Never;
        gwtest::addResource(project.apis[0], QStringLiteral("/strict")).methods.insert(QStringLiteral("POST"), strict);
        deploy(project.apis[0], QStringLiteral("dev"));
        gw::runtime::RequestProcessor processor;
        processor.setConfig(gw::deploy::compile(project, nullptr));
        gw::HttpRequest request;
        request.method = path == QLatin1String("/strict") ? "POST" : "GET";
        request.target = "/restapis/obsapi/dev/_user_request_" + path.toUtf8();
        if (!contentType.isEmpty())
            request.headers.append("Content-Type", contentType);
        request.body = contentType.isEmpty() ? QByteArray() : QByteArray("x");
        QString trace;
        int got = 0;
        processor.handleWithTrace(request, [&](const gw::pipeline::RequestContext &ctx) {
            got = ctx.response.status;
            for (const auto &line : ctx.trace.lines())
                trace += line.text + QLatin1Char('\n');
        });
        QTRY_VERIFY(got != 0);
        QCOMPARE(got, status);
        for (const QString &line : lines)
            QVERIFY2(trace.contains(line), qPrintable(QStringLiteral("missing \"%1\" in:\n%2").arg(line, trace)));
    }

    void traceLimitsAndMaskedHeadersAreConfigurable()
    {
        Project project = m_project;
        project.server.traceBodyLimit = 8;
        project.server.maskedHeaders = {QStringLiteral("X-Session")};
        gw::runtime::RequestProcessor processor;
        processor.setConfig(gw::deploy::compile(project, nullptr));
        gw::HttpRequest request;
        request.method = "GET";
        request.target = "/restapis/obsapi/dev/_user_request_/ping";
        request.headers.append("X-Session", "session-value-that-is-private");
        request.body = "0123456789abcdefghij";
        QString trace;
        processor.handleWithTrace(request, [&](const gw::pipeline::RequestContext &ctx) {
            for (const auto &line : ctx.trace.lines())
                trace += line.text + QLatin1Char('\n');
        });
        QTRY_VERIFY(!trace.isEmpty());
        QVERIFY2(trace.contains(QLatin1String("Method request body before transformations: 01234567 [TRUNCATED]")), qPrintable(trace));
        QVERIFY(!trace.contains(QLatin1String("session-value-that-is-private")));
        QVERIFY(trace.contains(QLatin1String("X-Session=sess****")));
    }

    void tracesMaskSecretsAndComeWithRecords()
    {
        QSignalSpy batches(&m_engine, &gw::runtime::Engine::requestsFinished);
        QCOMPARE(m_client.send("GET", url(QStringLiteral("/ping")), {{"Authorization", "Bearer super-secret-token-value"},
                                                                       {"x-api-key", "abcdefghijklmnopqrstuvwxyz"}}).status, 200);
        QTRY_VERIFY(!batches.isEmpty());
        const auto records = batches.last().first().value<QList<gw::runtime::RequestRecord>>();
        const gw::runtime::RequestRecord &r = records.last();
        QCOMPARE(r.status, 200);
        QString trace;
        for (const auto &line : r.trace)
            trace += line.text + QLatin1Char('\n');
        QVERIFY2(trace.contains(QLatin1String("Method request headers:")), qPrintable(trace));
        QVERIFY(!trace.contains(QLatin1String("super-secret-token-value")));
        QVERIFY(!trace.contains(QLatin1String("abcdefghijklmnopqrstuvwxyz")));
        QVERIFY(trace.contains(QLatin1String("Authorization=Bear****")));
        QVERIFY(trace.contains(QLatin1String("Method completed with status: 200")));
        QCOMPARE(r.response.body, QByteArray("{\"status\":\"ok\"}"));
    }
};

QTEST_GUILESS_MAIN(TestObservability)
#include "tst_observability.moc"
