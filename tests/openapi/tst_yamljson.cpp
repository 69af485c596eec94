#include "gateway/openapi/yamljson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace gw;

// The YAML and JSON reader's limits: alias expansion and nesting depth are budgeted, and a
// document past them is refused with the line and column where it crossed the limit.
class TestYamlJson : public QObject
{
    Q_OBJECT

    // A 500-byte "billion laughs": each level holds nine aliases of the one before, so fully
    // expanded it has 9^9 (387 million) strings.
    static QByteArray billionLaughs()
    {
        QByteArray doc = "openapi: 3.0.1\ninfo: {title: lol, version: '1'}\n"
                         "x-a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
        for (char level = 'b'; level <= 'i'; ++level) {
            const QByteArray alias = QByteArray("*") + char(level - 1);
            doc += QByteArray("x-") + level + ": &" + level + " [" + alias;
            for (int k = 1; k < 9; ++k)
                doc += ", " + alias;
            doc += "]\n";
        }
        return doc + "paths: {}\n";
    }

private slots:
    void billionLaughsIsRefusedAtTheAliasThatCrossesTheBudget()
    {
        const QByteArray doc = billionLaughs();
        QVERIFY(doc.size() < 600);
        openapi::SyntaxError e;
        QVERIFY(!openapi::parseJsonOrYaml(doc, &e));
        QVERIFY2(e.message.contains(QLatin1String("billion laughs")), qPrintable(e.message));
        // Levels a to e expand to about 415 KB, e alone to 369 KB: the second *e on line 8 crosses 1 MiB.
        QVERIFY2(e.message.startsWith(QLatin1String("alias *e expands the document beyond 1048576 bytes")), qPrintable(e.message));
        QCOMPARE(e.line, 8);
        const QByteArray line8 = doc.split('\n').at(7);
        QCOMPARE(e.column, int(line8.indexOf("*e", line8.indexOf("*e") + 1)) + 1);
    }

    void aliasesWithinTheBudgetAreExpanded()
    {
        const QByteArray doc = "openapi: 3.0.1\n"
                               "x-ok: &ok {description: ok, content: {application/json: {schema: {type: string}}}}\n"
                               "x-key: &k '200'\n"
                               "responses: {*k : *ok, '404': *ok}\n"
                               "list: &l [1, 2]\n"
                               "lists: [*l, *l]\n";
        openapi::SyntaxError e;
        const auto v = openapi::parseJsonOrYaml(doc, &e);
        QVERIFY2(v, qPrintable(e.message));
        const QJsonObject ok = v->toObject().value(QLatin1String("x-ok")).toObject();
        QCOMPARE(ok.value(QLatin1String("description")), QJsonValue(QStringLiteral("ok")));
        const QJsonObject responses = v->toObject().value(QLatin1String("responses")).toObject();
        QCOMPARE(responses.keys(), (QStringList{QStringLiteral("200"), QStringLiteral("404")}));
        QCOMPARE(responses.value(QLatin1String("200")).toObject(), ok);
        QCOMPARE(responses.value(QLatin1String("404")).toObject(), ok);
        QCOMPARE(v->toObject().value(QLatin1String("lists")).toArray(), (QJsonArray{QJsonArray{1, 2}, QJsonArray{1, 2}}));
    }

    void anAliasInsideItsOwnAnchorIsRefused()
    {
        openapi::SyntaxError e;
        QVERIFY(!openapi::parseJsonOrYaml("a: &x [1, *x]\n", &e));
        QCOMPARE(e.line, 1);
        QCOMPARE(e.column, 11);
        QVERIFY2(e.message.contains(QLatin1String("alias *x refers to a node that contains it")), qPrintable(e.message));
    }

    void deepNestingIsRefusedWhereItCrossesTheLimit_data()
    {
        QTest::addColumn<QByteArray>("doc");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        const int n = 100000;
        QTest::newRow("JSON arrays") << QByteArray("{\"x\":\n") + QByteArray(n, '[') << 2 << 256;
        QByteArray objects = "{\"x\":\n";
        for (int k = 0; k < n; ++k)
            objects += "{\"a\":";
        QTest::newRow("JSON objects") << objects << 2 << 5 * 255 + 1;
        QTest::newRow("YAML flow sequences") << QByteArray("openapi: 3.0.1\nx: ") + QByteArray(n, '[') + QByteArray(n, ']') << 2 << 3 + 256;
        QByteArray block = "openapi: 3.0.1\nx:\n";
        for (int k = 0; k < n; ++k)
            block += "- ";
        QTest::newRow("YAML block sequences") << block + "a\n" << 3 << 2 * 255 + 1;
        QByteArray mappings = "openapi: 3.0.1\n";
        for (int k = 0; k < 1000; ++k)
            mappings += QByteArray(2 * k, ' ') + "k:\n";
        QTest::newRow("YAML block mappings") << mappings << 258 << 2 * 256 + 1;
    }

    void deepNestingIsRefusedWhereItCrossesTheLimit()
    {
        QFETCH(QByteArray, doc);
        QFETCH(int, line);
        QFETCH(int, column);
        openapi::SyntaxError e;
        QVERIFY(!openapi::parseJsonOrYaml(doc, &e));
        QVERIFY2(e.message.contains(QLatin1String("nests deeper than 256 levels")), qPrintable(e.message));
        QCOMPARE(e.line, line);
        QCOMPARE(e.column, column);
    }

    void unterminatedFlowNestingIsRefusedQuickly()
    {
        // yaml-cpp reads an unclosed "[[" as a mapping whose key is a sequence: refused at the
        // second bracket, without descending 100,000 levels.
        openapi::SyntaxError e;
        QVERIFY(!openapi::parseJsonOrYaml(QByteArray("x: ") + QByteArray(100000, '['), &e));
        QCOMPARE(e.line, 1);
        QCOMPARE(e.column, 5);
    }

    void nestingUpToTheLimitIsRead()
    {
        openapi::SyntaxError e;
        const QByteArray json = QByteArray(256, '[') + QByteArray(256, ']');
        QVERIFY2(openapi::parseJsonOrYaml(json, &e), qPrintable(e.message));
        const QByteArray yaml = "x: " + QByteArray(255, '[') + QByteArray(255, ']');
        QVERIFY2(openapi::parseJsonOrYaml(yaml, &e), qPrintable(e.message));
    }
};

QTEST_GUILESS_MAIN(TestYamlJson)
#include "tst_yamljson.moc"
