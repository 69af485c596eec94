#include "gateway/functions/asynclowering.h"

#include <QJSEngine>
#include <QTest>

using gw::functions::AsyncLowering;

// Lowered code must behave as native async functions would, in the engine we run it in. Each
// case lowers a module, runs it with a real generator-driving runner and compares the settled
// value (promise jobs run on this thread's event loop).
class TestAsyncLowering : public QObject
{
    Q_OBJECT

    QString run(const QString &code)
    {
        QJSEngine engine;
        const QString runner = QStringLiteral(
            "(function (g, self, args) { return new Promise(function (resolve, reject) { var it = g.apply(self, args);"
            " function step(m, v) { var r; try { r = it[m](v); } catch (e) { reject(e); return; }"
            " if (r.done) { resolve(r.value); return; }"
            " Promise.resolve(r.value).then(function (x) { step('next', x); }, function (e) { step('throw', e); }); }"
            " step('next', undefined); }); })");
        const AsyncLowering::Result lowered = AsyncLowering::lower(code, QStringLiteral("__run"));
        if (!lowered.error.isEmpty())
            return QStringLiteral("lowering error: ") + lowered.error;
        const QString module = QStringLiteral("(function (__run) { var out = { v: 'pending' }; ") + lowered.source
                               + QStringLiteral("\n; Promise.resolve(main()).then(function (x) { out.v = 'ok:' + JSON.stringify(x); },"
                                                " function (e) { out.v = 'err:' + (e && e.message !== undefined ? e.message : e); }); return out; })");
        const QJSValue fn = engine.evaluate(module);
        if (fn.isError())
            return QStringLiteral("syntax: ") + fn.toString() + QStringLiteral(" in ") + lowered.source;
        const QJSValue out = fn.call({engine.evaluate(runner)});
        (void)QTest::qWaitFor([&] { return out.property(QStringLiteral("v")).toString() != QLatin1String("pending"); }, 2000);
        return out.property(QStringLiteral("v")).toString();
    }

private slots:
    void loweredCodeBehavesLikeNativeAsync_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("expected");
        QTest::newRow("async function declaration")
            << "async function main() { const a = await 1; return a + 1; }" << "ok:2";
        QTest::newRow("await binds tighter than +")
            << "async function f(x) { return x; } async function main() { return await f(2) + await f(3) * 2; }" << "ok:8";
        QTest::newRow("async arrow with block body")
            << "const main = async () => { let s = 0; for (let i = 0; i < 3; ++i) s += await Promise.resolve(i); return s; };" << "ok:3";
        QTest::newRow("async arrow with expression body")
            << "const twice = async x => x * 2;\nconst main = async () => [await twice(1), await twice(2)];" << "ok:[2,4]";
        QTest::newRow("exports.handler with event parameter")
            << "var exports = {};\nexports.handler = async (event, context) => ({ statusCode: 200, body: event });\n"
               "function main() { return exports.handler('hi'); }" << "ok:{\"statusCode\":200,\"body\":\"hi\"}";
        QTest::newRow("rejection becomes a catchable exception")
            << "async function boom() { throw new Error('bad'); }\n"
               "async function main() { try { await boom(); } catch (e) { return 'caught ' + e.message; } }" << "ok:\"caught bad\"";
        QTest::newRow("uncaught throw rejects")
            << "const main = async () => { await null; throw new TypeError('nope'); };" << "err:nope";
        QTest::newRow("this and arguments are the caller's")
            << "const o = { n: 5, async get(k) { return this.n + arguments.length + k; } };\n"
               "async function main() { return await o.get(1); }" << "ok:7";
        QTest::newRow("await inside template literal")
            << "async function main() { return `v=${await Promise.resolve(4)}!`; }" << "ok:\"v=4!\"";
        QTest::newRow("await new Promise")
            << "async function main() { return await new Promise(function (r) { r('made'); }); }" << "ok:\"made\"";
        QTest::newRow("await member call chain")
            << "const api = { get: async () => ({ items: [1, 2, 3] }) };\n"
               "async function main() { return (await api.get()).items.length + await api.get().then(r => r.items[0]); }" << "ok:4";
        QTest::newRow("strings and regexes mentioning async are left alone")
            << "const s = 'async function x() { await y }'; const re = /async\\s+await/;\n"
               "async function main() { return [s.length, re.test('async  await')]; }" << "ok:[30,true]";
        QTest::newRow("nested async functions")
            << "async function main() { const inner = async function (v) { return (await v) + 1; }; return await inner(await inner(1)); }" << "ok:3";
        QTest::newRow("class static async method")
            << "class H { static async handle(e) { return await e; } }\nasync function main() { return H.handle(9); }" << "ok:9";
        QTest::newRow("variable named async is untouched")
            << "var async = function (x) { return x; };\nfunction main() { return async(6); }" << "ok:6";
        QTest::newRow("comments keep line numbers")
            << "// async () => no\n/* async function no() {} */\nasync function main() { return new Error('x').lineNumber || 3; }" << "ok:3";
    }

    void loweredCodeBehavesLikeNativeAsync()
    {
        QFETCH(QString, code);
        QFETCH(QString, expected);
        QCOMPARE(run(code), expected);
    }

    void loweringKeepsLineCount()
    {
        const QString code = QStringLiteral("exports.handler = async (event) => {\n  const a = await event;\n  return a;\n};\n");
        const auto lowered = AsyncLowering::lower(code, QStringLiteral("__run"));
        QCOMPARE(lowered.source.count(QLatin1Char('\n')), code.count(QLatin1Char('\n')));
        QVERIFY(!lowered.source.contains(QLatin1String("async")));
        QVERIFY(lowered.source.contains(QLatin1String("(yield event)")));
    }

    void unbalancedSourceIsReportedNotRewritten()
    {
        const QString code = QStringLiteral("async function f() { return 1;");
        const auto lowered = AsyncLowering::lower(code, QStringLiteral("__run"));
        QVERIFY(!lowered.error.isEmpty());
        QCOMPARE(lowered.source, code);
    }
};

QTEST_MAIN(TestAsyncLowering)
#include "tst_asynclowering.moc"
