#include "invokeandwait.h"
#include "lambdatestproject.h"

#include "gateway/functions/functionruntime.h"
#include "gateway/functions/jsfunctionhost.h"
#include "gateway/integrations/upstreampool.h"

#include <QTest>

using gw::functions::FunctionResult;
using gw::functions::FunctionRuntime;
using gw::model::Function;

// Two functions on one worker (one FunctionRuntime: one JavaScript thread): nothing one function
// does to its JavaScript world reaches another, the bootstrap keeps its own intrinsics, and work a
// function leaves pending cannot run past its time limit.
class TestFunctionIsolation : public QObject
{
    Q_OBJECT

    gw::integrations::UpstreamPool m_transport;
    std::unique_ptr<FunctionRuntime> m_runtime = std::make_unique<FunctionRuntime>(&m_transport);

    static Function js(const QString &name, const QString &code, int timeoutSeconds = 3)
    {
        return gwtest::jsFunction(name, code, timeoutSeconds);
    }
    FunctionResult invoke(const Function &f, const QByteArray &event = "{}") { return gwtest::invokeAndWait(*m_runtime, f, event); }

    // Reports what it sees of the world another function may have tampered with.
    static Function observer()
    {
        Function b = js(QStringLiteral("observer"), QStringLiteral(
            "exports.handler = async (event) => ({\n"
            "  fromA: typeof fromA, lastEvent: typeof lastEvent,\n"
            "  polluted: ({}).polluted === undefined ? 'clean' : 'polluted',\n"
            "  push: [].push(1) === 1, stringify: JSON.stringify({ x: 1 }) === '{\"x\":1}',\n"
            "  parsed: event.n, aSecret: process.env.A_SECRET || 'none', mine: process.env.B_SECRET });"));
        b.environment.insert(QStringLiteral("B_SECRET"), QStringLiteral("b-secret"));
        return b;
    }
    static QByteArray untouched()
    {
        return R"({"fromA":"undefined","lastEvent":"undefined","polluted":"clean","push":true,"stringify":true,)"
               R"("parsed":5,"aSecret":"none","mine":"b-secret"})";
    }

private slots:
    void whatOneFunctionDoesToItsWorldIsInvisibleToTheNext()
    {
        Function a = js(QStringLiteral("tamperer"), QStringLiteral(
            "exports.handler = async (event) => {\n"
            "  globalThis.fromA = 'a-was-here';\n"
            "  globalThis.lastEvent = event;\n"
            "  Object.prototype.polluted = 'yes';\n"
            "  Array.prototype.push = function () { return 0; };\n"
            "  JSON.stringify = () => '{\"forged\":true}';\n"
            "  JSON.parse = () => ({ n: 666 });\n"
            "  return { sawEnv: process.env.B_SECRET || 'none', mine: process.env.A_SECRET };\n"
            "};"));
        a.environment.insert(QStringLiteral("A_SECRET"), QStringLiteral("a-secret"));
        const FunctionResult first = invoke(a, R"({"headers":{"Authorization":"Bearer a-token"}})");
        QVERIFY2(first.ok(), first.payload.constData());
        // Its own answer is serialised with the bootstrap's JSON.stringify, not the replacement.
        QCOMPARE(first.payload, QByteArray(R"({"sawEnv":"none","mine":"a-secret"})"));

        const FunctionResult seen = invoke(observer(), R"({"n":5})");
        QVERIFY2(seen.ok(), seen.payload.constData());
        QCOMPARE(seen.payload, untouched());
    }

    void aFunctionCannotCatchAnotherFunctionsEnvironmentOrEvent()
    {
        // A setter on process.env would see every environment the bootstrap hands out in a
        // shared engine; a leftover reference to the global would see later events.
        const Function a = js(QStringLiteral("catcher"), QStringLiteral(
            "const caught = [];\n"
            "let env = {};\n"
            "Object.defineProperty(process, 'env', { get() { return env; }, set(v) { env = v; caught.push(v.B_SECRET || null); },\n"
            "                                        configurable: true });\n"
            "const g = globalThis;\n"
            "exports.handler = async () => ({ caught: caught.filter(Boolean), events: typeof g.lastEvent });"));
        QCOMPARE(invoke(a).payload, QByteArray(R"({"caught":[],"events":"undefined"})"));
        const Function stasher = js(QStringLiteral("stasher"), QStringLiteral(
            "exports.handler = async (event) => { globalThis.lastEvent = event; return process.env.B_SECRET; };"));
        Function b = stasher;
        b.environment.insert(QStringLiteral("B_SECRET"), QStringLiteral("b-secret"));
        QCOMPARE(invoke(b, R"({"headers":{"Authorization":"Bearer b-token"}})").payload, QByteArray("\"b-secret\""));
        QCOMPARE(invoke(a).payload, QByteArray(R"({"caught":[],"events":"undefined"})"));
    }

    void theBootstrapKeepsItsOwnIntrinsics_data()
    {
        QTest::addColumn<QString>("tampering");
        QTest::newRow("JSON.stringify") << QStringLiteral("JSON.stringify = () => '{\"forged\":true}';");
        QTest::newRow("Promise.prototype.then") << QStringLiteral("Promise.prototype.then = function () { return this; };");
        QTest::newRow("Promise.resolve") << QStringLiteral("Promise.resolve = () => new Promise(() => {});");
        QTest::newRow("Array.prototype.join") << QStringLiteral("Array.prototype.join = () => 'forged log';");
        QTest::newRow("Array.prototype.push") << QStringLiteral("Array.prototype.push = () => 0;");
    }

    void theBootstrapKeepsItsOwnIntrinsics()
    {
        QFETCH(QString, tampering);
        const QString code = QStringLiteral("exports.handler = async () => {\n  ") + tampering
                             + QStringLiteral("\n  await null;\n  console.log('still', 'mine');\n  return { ok: 1 };\n};");
        const FunctionResult r = invoke(js(QStringLiteral("intrinsics"), code, 1));
        QVERIFY2(r.ok(), r.payload.constData());
        QCOMPARE(r.payload, QByteArray(R"({"ok":1})"));
        QCOMPARE(r.logs.size(), 1);
        QVERIFY2(r.logs[0].endsWith(QLatin1String("\tINFO\tstill mine")), qPrintable(r.logs[0]));
    }

    void globalStateLastsAcrossWarmInvocationsOfOneFunctionOnly()
    {
        const QString code = QStringLiteral("exports.handler = async () => (globalThis.count = (globalThis.count || 0) + 1);");
        const Function c = js(QStringLiteral("countC"), code);
        const Function d = js(QStringLiteral("countD"), code);
        QCOMPARE(invoke(c).payload, QByteArray("1"));
        QCOMPARE(invoke(c).payload, QByteArray("2"));  // a warm environment keeps its state, as on Lambda
        QCOMPARE(invoke(d).payload, QByteArray("1"));
        QCOMPARE(invoke(c).payload, QByteArray("3"));
        // New code is a new environment: nothing the old code left behind.
        const Function changed = js(QStringLiteral("countC"), code + QStringLiteral("\n// v2"));
        QCOMPARE(invoke(changed).payload, QByteArray("1"));
    }

    void theLeastRecentlyUsedEnvironmentIsReclaimed()
    {
        const QString code = QStringLiteral("exports.handler = async () => (globalThis.count = (globalThis.count || 0) + 1);");
        const Function first = js(QStringLiteral("lru0"), code);
        QCOMPARE(invoke(first).payload, QByteArray("1"));
        QCOMPARE(invoke(first).payload, QByteArray("2"));
        for (qsizetype i = 1; i <= gw::functions::JsFunctionHost::kMaxSandboxes; ++i)
            QCOMPARE(invoke(js(QStringLiteral("lru%1").arg(i), code)).payload, QByteArray("1"));
        QCOMPARE(invoke(first).payload, QByteArray("1"));  // reclaimed: a cold start
    }

    void workLeftPendingAfterTheAnswerCannotHoldTheWorker()
    {
        const Function a = js(QStringLiteral("leaver"), QStringLiteral(
            "exports.handler = async () => {\n"
            "  let p = Promise.resolve();\n"
            "  for (let i = 0; i < 50; ++i) p = p.then(() => 0);\n"
            "  p.then(() => { for (;;) {} });\n"
            "  return 'answered';\n"
            "};"), 1);
        const FunctionResult r = invoke(a);
        QVERIFY2(r.ok(), r.payload.constData());
        QCOMPARE(r.payload, QByteArray("\"answered\""));
        const FunctionResult next = invoke(observer(), R"({"n":5})");
        QVERIFY2(next.ok(), next.payload.constData());
        QCOMPARE(next.payload, untouched());
        QVERIFY2(invoke(a).ok(), "the same function, warm, answers again");
    }

    void replacedPromiseThenNeitherForgesNorEscapesTheTimeLimit()
    {
        const Function a = js(QStringLiteral("thenless"), QStringLiteral(
            "const realThen = Promise.prototype.then;  // before the handler replaces it\n"
            "exports.handler = async (event) => {\n"
            "  Promise.prototype.then = function (ok) { ok('forged'); return this; };\n"
            "  let p = Promise.resolve();\n"
            "  for (let i = 0; i < 50; ++i) p = realThen.call(p, () => 0);\n"
            "  realThen.call(p, () => { for (;;) {} });\n"
            "  if (event.spin) { await null; for (;;) {} }\n"
            "  return 'answered';\n"
            "};"), 1);
        const FunctionResult r = invoke(a);
        QVERIFY2(r.ok(), r.payload.constData());
        QCOMPARE(r.payload, QByteArray("\"answered\""));
        const FunctionResult spun = invoke(a, R"({"spin":true})");
        QVERIFY(spun.timedOut);
        QCOMPARE(spun.errorType, QStringLiteral("Sandbox.Timedout"));
        const FunctionResult next = invoke(observer(), R"({"n":5})");
        QCOMPARE(next.payload, untouched());
    }

    void runawayLoopStillTimesOutInItsOwnEnvironment()
    {
        const FunctionResult r = invoke(js(QStringLiteral("looper"), QStringLiteral("exports.handler = () => { while (true) {} };"), 1));
        QVERIFY(r.timedOut);
        QCOMPARE(invoke(observer(), R"({"n":5})").payload, untouched());
    }

    void memoryStopStillHolds()
    {
        Function f = js(QStringLiteral("hog"), QStringLiteral(
            "Object.prototype.polluted = 'hog';\n"
            "exports.handler = async () => { const keep = [];\n"
            "  for (;;) keep.push(new Array(200000).fill(1.5)); };"), 30);
        f.memoryMb = 64;
        const FunctionResult r = invoke(f);
        QCOMPARE(r.errorType, QStringLiteral("Runtime.OutOfMemory"));
        QCOMPARE(invoke(observer(), R"({"n":5})").payload, untouched());
    }
};

QTEST_MAIN(TestFunctionIsolation)
#include "tst_functionisolation.moc"
