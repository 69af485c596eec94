#include "cliprocess.h"
#include "lambdatestproject.h"
#include "testproject.h"

#include "gateway/model/deployments.h"
#include "gateway/model/projectfile.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace gw::model;

// Function isolation as a client sees it: `gatewright-cli serve --workers 1` (so every function
// runs on the same worker's JavaScript thread), curl over loopback. A TOKEN authorizer function
// guards two Lambda proxy routes: /a's function tampers with its world and stashes its event
// (with the Authorization header); /b's function and the authorizer report what they see.
class TestServeFunctionIsolation : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QProcess m_serve;
    quint16 m_port = 0;

    // Status line last: "body\nstatus".
    QByteArray get(const QString &path, const QByteArray &authorization)
    {
        return gwtest::curl({QStringLiteral("--max-time"), QStringLiteral("10"), QStringLiteral("-H"),
                             QString::fromLatin1("Authorization: " + authorization), QStringLiteral("-w"), QStringLiteral("\n%{http_code}"),
                             QStringLiteral("http://127.0.0.1:%1/restapis/iso/dev/_user_request_%2").arg(m_port).arg(path)});
    }

    static Project project()
    {
        Project p;
        p.functions = {
            gwtest::jsFunction(QStringLiteral("gate"), QStringLiteral(
                "exports.handler = async (event) => {\n"
                "  globalThis.tokens = (globalThis.tokens || []).concat([event.authorizationToken]);\n"
                "  return { principalId: 'u', policyDocument: { Version: '2012-10-17', Statement: [{ Action: 'execute-api:Invoke',\n"
                "    Effect: 'Allow', Resource: event.methodArn }] },\n"
                "    context: { sawA: typeof globalThis.fromA, polluted: ({}).polluted === undefined ? 'clean' : 'polluted' } };\n"
                "};")),
            gwtest::jsFunction(QStringLiteral("tamperer"), QStringLiteral(
                "const caught = [];\n"
                "let env = {};\n"
                "Object.defineProperty(process, 'env', { get() { return env; },\n"
                "  set(v) { env = v; if (v.B_SECRET) caught.push(v.B_SECRET); }, configurable: true });\n"
                "const stringify = JSON.stringify;\n"
                "exports.handler = async (event) => {\n"
                "  globalThis.fromA = 'a';\n"
                "  globalThis.lastEvent = event;\n"
                "  Object.prototype.polluted = 'yes';\n"
                "  JSON.stringify = () => '{\"statusCode\":200,\"body\":\"forged\"}';\n"
                "  return { statusCode: 200, body: stringify({ caught, mine: process.env.A_SECRET, tokens: globalThis.tokens || [] }) };\n"
                "};")),
            gwtest::jsFunction(QStringLiteral("observer"), QStringLiteral(
                "exports.handler = async (event) => ({ statusCode: 200, body: JSON.stringify({\n"
                "  lastEvent: typeof lastEvent, polluted: ({}).polluted === undefined ? 'clean' : 'polluted',\n"
                "  aSecret: process.env.A_SECRET || 'none', mine: process.env.B_SECRET, tokens: typeof tokens,\n"
                "  gate: { sawA: event.requestContext.authorizer.sawA, polluted: event.requestContext.authorizer.polluted } }) });")),
            gwtest::jsFunction(QStringLiteral("leaver"), QStringLiteral(
                "const realThen = Promise.prototype.then;  // before the handler replaces it\n"
                "exports.handler = async () => {\n"
                "  Promise.prototype.then = function (ok) { ok({ statusCode: 200, body: 'forged' }); return this; };\n"
                "  let p = Promise.resolve();\n"
                "  for (let i = 0; i < 50; ++i) p = realThen.call(p, () => 0);\n"
                "  realThen.call(p, () => { for (;;) {} });\n"
                "  return { statusCode: 200, body: 'left work behind' };\n"
                "};"), 1),
        };
        p.functions[1].environment.insert(QStringLiteral("A_SECRET"), QStringLiteral("a-secret"));
        p.functions[2].environment.insert(QStringLiteral("B_SECRET"), QStringLiteral("b-secret"));
        Api api = newRestApi(QStringLiteral("Isolation"));
        api.id = QStringLiteral("iso");
        Authorizer gate;
        gate.id = gate.name = QStringLiteral("gate");
        gate.functionName = QStringLiteral("gate");
        gate.resultTtlInSeconds = 0;  // the authorizer runs for every request
        api.design.authorizers = {gate};
        const std::pair<const char *, const char *> routes[] = {{"/a", "tamperer"}, {"/b", "observer"}, {"/leave", "leaver"}};
        for (const auto &[path, function] : routes) {
            Method m = gwtest::lambdaProxyMethod(QStringLiteral("GET"), QLatin1String(function));
            m.authorizationType = QStringLiteral("CUSTOM");
            m.authorizerId = QStringLiteral("gate");
            gwtest::addResource(api, QLatin1String(path)).methods.insert(QStringLiteral("GET"), m);
        }
        deploy(api, QStringLiteral("dev"));
        p.apis.append(api);
        return p;
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("curl")).isEmpty(), "curl is needed (packaging/deps.sh --test installs it)");
        const QString file = m_dir.filePath(QStringLiteral("isolation.gwproj"));
        QString error;
        QVERIFY2(saveProject(project(), file, &error), qPrintable(error));
        m_port = gwtest::freePort();
        m_serve.start(gwtest::cliPath(), {QStringLiteral("serve"), file, QStringLiteral("--port"), QString::number(m_port),
                                          QStringLiteral("--workers"), QStringLiteral("1")});
        QVERIFY(m_serve.waitForReadyRead(15000));
        QTRY_VERIFY(m_serve.canReadLine());
        const QByteArray first = m_serve.readLine();
        QVERIFY2(first.startsWith("listening on"), first.constData());
    }

    void cleanupTestCase()
    {
        m_serve.terminate();
        QVERIFY(m_serve.waitForFinished(10000));
        QCOMPARE(m_serve.exitCode(), 0);
    }

    void aTamperingFunctionAnswersWithItsOwnResult()
    {
        QCOMPARE(get(QStringLiteral("/a"), "Bearer a-token"), QByteArray(R"({"caught":[],"mine":"a-secret","tokens":[]})" "\n200"));
    }

    void theNextFunctionAndTheAuthorizerSeeNoneOfIt()
    {
        QCOMPARE(get(QStringLiteral("/b"), "Bearer b-token"),
                 QByteArray(R"({"lastEvent":"undefined","polluted":"clean","aSecret":"none","mine":"b-secret","tokens":"undefined",)"
                            R"("gate":{"sawA":"undefined","polluted":"clean"}})" "\n200"));
    }

    void theTampererNeverSawTheOthersEnvironmentOrTokens()
    {
        QCOMPARE(get(QStringLiteral("/a"), "Bearer a-token-2"), QByteArray(R"({"caught":[],"mine":"a-secret","tokens":[]})" "\n200"));
    }

    void workLeftBehindDoesNotHoldTheWorker()
    {
        QCOMPARE(get(QStringLiteral("/leave"), "Bearer c-token"), QByteArray("left work behind\n200"));
        const QByteArray after = get(QStringLiteral("/b"), "Bearer d-token");
        QVERIFY2(after.endsWith("\n200") && after.contains(R"("polluted":"clean")"), after.constData());
        QCOMPARE(get(QStringLiteral("/leave"), "Bearer e-token"), QByteArray("left work behind\n200"));
    }
};

QTEST_MAIN(TestServeFunctionIsolation)
#include "tst_servefunctionisolation.moc"
