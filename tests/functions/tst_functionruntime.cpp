#include "invokeandwait.h"

#include "gateway/functions/functionruntime.h"
#include "gateway/integrations/upstreampool.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using gw::functions::FunctionResult;
using gw::functions::FunctionRuntime;
using gw::model::Function;

// JavaScript functions through the real runtime: its own JavaScript thread, watchdog and
// QJSEngine, with results delivered back on this thread's event loop.
class TestFunctionRuntime : public QObject
{
    Q_OBJECT

    gw::integrations::UpstreamPool m_transport;
    std::unique_ptr<FunctionRuntime> m_runtime = std::make_unique<FunctionRuntime>(&m_transport);

    static Function js(const QString &code, int timeoutSeconds = 3, const QString &name = QStringLiteral("fn"))
    {
        Function f;
        f.name = name;
        f.code = code;
        f.timeoutSeconds = timeoutSeconds;
        return f;
    }

    FunctionResult invoke(const Function &f, const QByteArray &event = "{}", const QString &requestId = {})
    {
        return gwtest::invokeAndWait(*m_runtime, f, event, requestId);
    }

    static QJsonValue json(const QByteArray &payload) { return QJsonDocument::fromJson("[" + payload + "]").array().at(0); }

private slots:
    void asyncHandlerResultIsThePayload()
    {
        Function f = js(QStringLiteral("exports.handler = async (event, context) => {\n"
                                       "  const doubled = await Promise.resolve(event.n * 2);\n"
                                       "  return { doubled, name: context.functionName, id: context.awsRequestId,\n"
                                       "           left: context.getRemainingTimeInMillis() > 0, env: process.env.GREETING };\n"
                                       "};"));
        f.environment.insert(QStringLiteral("GREETING"), QStringLiteral("hello"));
        const auto r = invoke(f, "{\"n\": 21}", QStringLiteral("req-1"));
        QVERIFY2(r.ok(), r.payload.constData());
        const QJsonObject o = json(r.payload).toObject();
        QCOMPARE(o.value(QStringLiteral("doubled")).toInt(), 42);
        QCOMPARE(o.value(QStringLiteral("name")).toString(), QStringLiteral("fn"));
        QCOMPARE(o.value(QStringLiteral("id")).toString(), QStringLiteral("req-1"));
        QCOMPARE(o.value(QStringLiteral("left")).toBool(), true);
        QCOMPARE(o.value(QStringLiteral("env")).toString(), QStringLiteral("hello"));
    }

    void handlerStylesSettleTheInvocation_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<QByteArray>("payload");
        QTest::newRow("callback") << QStringLiteral("exports.handler = function (e, c, callback) { callback(null, {v: 1}); };") << QByteArray("{\"v\":1}");
        QTest::newRow("context.succeed") << QStringLiteral("exports.handler = function (e, context) { context.succeed('s'); };") << QByteArray("\"s\"");
        QTest::newRow("plain return") << QStringLiteral("exports.handler = function (e) { return [1, 2]; };") << QByteArray("[1,2]");
        QTest::newRow("undefined is null") << QStringLiteral("exports.handler = async () => {};") << QByteArray("null");
        QTest::newRow("module.exports") << QStringLiteral("module.exports = { handler: async (e) => e.x };") << QByteArray("7");
        QTest::newRow("promise then chain") << QStringLiteral("exports.handler = () => Promise.resolve(2).then(x => x + 1);") << QByteArray("3");
    }

    void handlerStylesSettleTheInvocation()
    {
        QFETCH(QString, code);
        QFETCH(QByteArray, payload);
        const auto r = invoke(js(code), "{\"x\": 7}");
        QVERIFY2(r.ok(), r.payload.constData());
        QCOMPARE(r.payload, payload);
    }

    void consoleLinesAreCapturedWithLevelAndRequestId()
    {
        const auto r = invoke(js(QStringLiteral("exports.handler = async () => {\n"
                                                "  console.log('hello', {a: 1}, 3);\n  console.error('bad thing');\n  return 1;\n};")),
                              "{}", QStringLiteral("rid-7"));
        QVERIFY(r.ok());
        QCOMPARE(r.logs.size(), 2);
        QVERIFY2(r.logs[0].endsWith(QLatin1String("\trid-7\tINFO\thello {\"a\":1} 3")), qPrintable(r.logs[0]));
        QVERIFY2(r.logs[1].endsWith(QLatin1String("\trid-7\tERROR\tbad thing")), qPrintable(r.logs[1]));
    }

    void thrownErrorsAreFunctionErrors_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("errorType");
        QTest::addColumn<QString>("errorMessage");
        QTest::newRow("async throw") << QStringLiteral("exports.handler = async () => { throw new TypeError('no way'); };")
                                     << QStringLiteral("TypeError") << QStringLiteral("no way");
        QTest::newRow("throw string") << QStringLiteral("exports.handler = () => { throw 'plain'; };")
                                      << QStringLiteral("string") << QStringLiteral("plain");
        QTest::newRow("callback error") << QStringLiteral("exports.handler = (e, c, cb) => cb(new Error('via callback'));")
                                        << QStringLiteral("Error") << QStringLiteral("via callback");
        QTest::newRow("syntax error") << QStringLiteral("exports.handler = ) => 1;") << QStringLiteral("Runtime.UserCodeSyntaxError") << QString();
        QTest::newRow("no handler") << QStringLiteral("exports.other = () => 1;") << QStringLiteral("Runtime.HandlerNotFound")
                                    << QStringLiteral("index.handler is undefined or not exported");
        QTest::newRow("require does not exist") << QStringLiteral("const fs = require('fs');\nexports.handler = async () => 1;")
                                                << QStringLiteral("ReferenceError") << QString();
        QTest::newRow("circular result") << QStringLiteral("exports.handler = async () => { const a = {}; a.a = a; return a; };")
                                         << QStringLiteral("TypeError") << QString();
    }

    void thrownErrorsAreFunctionErrors()
    {
        QFETCH(QString, code);
        QFETCH(QString, errorType);
        QFETCH(QString, errorMessage);
        const auto r = invoke(js(code));
        QVERIFY(r.functionError);
        QCOMPARE(r.invokeError, FunctionResult::InvokeError::None);
        QCOMPARE(r.errorType, errorType);
        if (!errorMessage.isEmpty())
            QCOMPARE(r.errorMessage, errorMessage);
        const QJsonObject o = json(r.payload).toObject();
        QCOMPARE(o.value(QStringLiteral("errorType")).toString(), errorType);
    }

    void noModuleNetworkOrFileApisExist()
    {
        const auto r = invoke(js(QStringLiteral(
            "exports.handler = async () => [typeof require, typeof XMLHttpRequest, typeof fetch, typeof Qt,\n"
            "  typeof print, typeof WebSocket, typeof importScripts, typeof module.require];")));
        QVERIFY2(r.ok(), r.payload.constData());
        QCOMPARE(r.payload, QByteArray("[\"undefined\",\"undefined\",\"undefined\",\"undefined\",\"undefined\",\"undefined\",\"undefined\",\"undefined\"]"));
    }

    void runawayLoopTimesOutAndTheNextInvocationWorks()
    {
        const auto r = invoke(js(QStringLiteral("exports.handler = async () => { while (true) {} };"), 1), "{}", QStringLiteral("loop-1"));
        QVERIFY(r.functionError);
        QVERIFY(r.timedOut);
        QCOMPARE(r.errorType, QStringLiteral("Sandbox.Timedout"));
        QCOMPARE(r.errorMessage, QStringLiteral("RequestId: loop-1 Error: Task timed out after 1.00 seconds"));
        const auto next = invoke(js(QStringLiteral("exports.handler = async () => 'alive';"), 1, QStringLiteral("other")));
        QVERIFY2(next.ok(), next.payload.constData());
        QCOMPARE(next.payload, QByteArray("\"alive\""));
    }

    void runawayLoopAfterAnAwaitIsStoppedToo()
    {
        const auto r = invoke(js(QStringLiteral("exports.handler = async () => { await null; for (;;) {} };"), 1));
        QVERIFY(r.timedOut);
        QVERIFY(invoke(js(QStringLiteral("exports.handler = async () => 1;"))).ok());
    }

    void promiseThatNeverSettlesTimesOut()
    {
        const auto r = invoke(js(QStringLiteral("exports.handler = () => new Promise(() => {});"), 1));
        QVERIFY(r.timedOut);
        QCOMPARE(r.errorType, QStringLiteral("Sandbox.Timedout"));
    }

    void unboundedAllocationIsStoppedByTheMemoryGuard()
    {
        Function f = js(QStringLiteral("exports.handler = async () => { const keep = [];\n"
                                       "  for (;;) keep.push(new Array(200000).fill(1.5)); };"), 30);
        f.memoryMb = 64;
        const auto r = invoke(f);
        QVERIFY(r.functionError);
        QCOMPARE(r.errorType, QStringLiteral("Runtime.OutOfMemory"));
        QVERIFY(!r.timedOut);
        QVERIFY(invoke(js(QStringLiteral("exports.handler = async () => 1;"))).ok());
    }

    void oversizedResultIsRefusedAsLambdaRefusesIt()
    {
        const auto r = invoke(js(QStringLiteral("exports.handler = async () => 'x'.repeat(7 * 1024 * 1024);")));
        QVERIFY(r.functionError);
        QCOMPARE(r.errorType, QStringLiteral("Function.ResponseSizeTooLarge"));
    }

    void compiledCodeIsCachedUntilTheCodeChanges()
    {
        const Function counter = js(QStringLiteral("let n = 0;\nexports.handler = async () => ++n;"), 3, QStringLiteral("counter"));
        QCOMPARE(invoke(counter).payload, QByteArray("1"));
        QCOMPARE(invoke(counter).payload, QByteArray("2"));
        const Function changed = js(QStringLiteral("let n = 10;\nexports.handler = async () => ++n;"), 3, QStringLiteral("counter"));
        QCOMPARE(invoke(changed).payload, QByteArray("11"));
    }

    void missingFunctionIsAnInvokeError()
    {
        std::optional<FunctionResult> result;
        m_runtime->invoke(nullptr, "{}", {}, [&](FunctionResult r) { result = std::move(r); });
        QVERIFY(!result);  // never called back from inside invoke()
        QTRY_VERIFY(result.has_value());
        QCOMPARE(result->invokeError, FunctionResult::InvokeError::NotFound);
    }

    void cancelledInvocationNeverCallsBack()
    {
        const Function f = js(QStringLiteral("exports.handler = async () => 1;"));
        bool called = false;
        auto cancel = m_runtime->invoke(&f, "{}", {}, [&](FunctionResult) { called = true; });
        cancel();
        QVERIFY(invoke(f).ok());  // a later invocation completes, so the cancelled one had its chance
        QVERIFY(!called);
    }

    void destroyingTheRuntimeStopsARunawayFunction()
    {
        auto runtime = std::make_unique<FunctionRuntime>(&m_transport);
        const Function f = js(QStringLiteral("exports.handler = () => { for (;;) {} };"), 600);
        runtime->invoke(&f, "{}", {}, [](FunctionResult) {});
        QTest::qWait(100);
        runtime.reset();  // must return (interrupts the engine), not hang for 600 s
        QVERIFY(true);
    }
};

QTEST_MAIN(TestFunctionRuntime)
#include "tst_functionruntime.moc"
