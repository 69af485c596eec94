#include "gatewayclient.h"
#include "lambdatestproject.h"
#include "testproject.h"

#include "gateway/deploy/runtimeconfig.h"
#include "gateway/model/deployments.h"
#include "gateway/runtime/engine.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace gw::model;
using gwtest::GatewayClient;

// AWS (non-proxy) Lambda integrations through the real engine: the body is the request
// template's output (here passed through), the function's result is the endpoint response, and
// integration responses are selected by the errorMessage of a failed invocation (reference §3.4).
// Also the CLI's invoke-function, run as a process.
class TestLambdaIntegration : public QObject
{
    Q_OBJECT

    gw::runtime::Engine m_engine;
    Project m_project;
    GatewayClient m_client;

    QString url(const QString &path) const
    {
        return QStringLiteral("http://127.0.0.1:%1/restapis/plainapi/test/_user_request_%2").arg(m_engine.port()).arg(path);
    }

private slots:
    void initTestCase()
    {
        m_project.functions = {gwtest::jsFunction(QStringLiteral("calc"), QStringLiteral(
            "exports.handler = async (e) => {\n"
            "  if (e.crash) throw new TypeError('crashed hard');\n"
            "  if (e.a === undefined) throw new Error('Bad input: a is missing');\n"
            "  return { sum: e.a + e.b };\n};"))};
        Api api = newRestApi(QStringLiteral("Plain"));
        api.id = QStringLiteral("plainapi");
        Method calc = gwtest::lambdaMethod(QStringLiteral("POST"), QStringLiteral("calc"));
        IntegrationResponse ok;
        ok.statusCode = QStringLiteral("200");
        IntegrationResponse bad;
        bad.selectionPattern = QStringLiteral("Bad input.*");
        bad.statusCode = QStringLiteral("400");
        bad.responseTemplates.insert(QStringLiteral("application/json"), QStringLiteral("{\"error\":\"bad input\"}"));
        calc.integration->integrationResponses = {ok, bad};
        gwtest::addResource(api, QStringLiteral("/calc")).methods.insert(QStringLiteral("POST"), calc);
        m_project.apis.append(api);
        deploy(m_project.apis[0], QStringLiteral("test"));
        m_engine.deploy(gw::deploy::compile(m_project, nullptr));
        QVERIFY(gwtest::startOnFreePort(m_engine));
    }

    void selectionByErrorMessage_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("response");
        QTest::newRow("success selects the default") << QByteArray("{\"a\":1,\"b\":2}") << 200 << QByteArray("{\"sum\":3}");
        QTest::newRow("matching errorMessage selects its response") << QByteArray("{\"b\":2}") << 400 << QByteArray("{\"error\":\"bad input\"}");
    }

    void selectionByErrorMessage()
    {
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        QFETCH(QByteArray, response);
        const auto r = m_client.send("POST", url(QStringLiteral("/calc")), {{"Content-Type", "application/json"}}, body);
        QCOMPARE(r.status, status);
        QCOMPARE(r.body, response);
    }

    void unmatchedErrorFallsToTheDefaultWithTheErrorAsBody()
    {
        const auto r = m_client.send("POST", url(QStringLiteral("/calc")), {{"Content-Type", "application/json"}}, "{\"crash\":true}");
        QCOMPARE(r.status, 200);
        const QJsonObject error = QJsonDocument::fromJson(r.body).object();
        QCOMPARE(error.value(QStringLiteral("errorType")).toString(), QStringLiteral("TypeError"));
        QCOMPARE(error.value(QStringLiteral("errorMessage")).toString(), QStringLiteral("crashed hard"));
    }

    void cliInvokeFunctionPrintsResultAndLogs()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString project = dir.filePath(QStringLiteral("p.json"));
        const QString event = dir.filePath(QStringLiteral("e.json"));
        QFile p(project);
        QVERIFY(p.open(QIODevice::WriteOnly));
        p.write(R"({"schemaVersion": 1, "name": "p", "apis": [], "functions": [
            {"name": "hi", "runtime": "javascript",
             "code": "exports.handler = async (e) => { console.log('for', e.who); return {hello: e.who}; };"},
            {"name": "broken", "runtime": "javascript", "code": "exports.handler = async () => { throw new Error('nope'); };"}]})");
        p.close();
        QFile e(event);
        QVERIFY(e.open(QIODevice::WriteOnly));
        e.write("{\"who\": \"ann\"}");
        e.close();
        const QString cli = qEnvironmentVariable("GW_CLI");
        QVERIFY(!cli.isEmpty());

        QProcess ok;
        ok.start(cli, {QStringLiteral("invoke-function"), project, QStringLiteral("hi"), QStringLiteral("--event"), event});
        QVERIFY(ok.waitForFinished(20000));
        QCOMPARE(ok.exitCode(), 0);
        const QJsonObject out = QJsonDocument::fromJson(ok.readAllStandardOutput()).object();
        QCOMPARE(out.value(QStringLiteral("result")).toObject().value(QStringLiteral("hello")).toString(), QStringLiteral("ann"));
        QVERIFY(out.value(QStringLiteral("error")).isNull());
        QCOMPARE(out.value(QStringLiteral("logs")).toArray().size(), 1);
        QVERIFY(out.value(QStringLiteral("logs")).toArray().at(0).toString().endsWith(QLatin1String("\tINFO\tfor ann")));

        QProcess failed;
        failed.start(cli, {QStringLiteral("invoke-function"), project, QStringLiteral("broken")});
        QVERIFY(failed.waitForFinished(20000));
        QCOMPARE(failed.exitCode(), 1);
        const QJsonObject error = QJsonDocument::fromJson(failed.readAllStandardOutput()).object().value(QStringLiteral("error")).toObject();
        QCOMPARE(error.value(QStringLiteral("errorMessage")).toString(), QStringLiteral("nope"));
    }
};

QTEST_MAIN(TestLambdaIntegration)
#include "tst_lambdaintegration.moc"
