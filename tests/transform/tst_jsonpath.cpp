// The JSONPath subset $input.json / $input.path and body mappings take.
#include "gateway/transform/jsonpath.h"
#include "gateway/transform/vtljson.h"

#include <QtTest>

using namespace gw::transform;

class TestJsonPath : public QObject
{
    Q_OBJECT

private slots:
    void evaluates_data();
    void evaluates();
    void filtersAreRejected();
};

void TestJsonPath::evaluates_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("expected"); // JSON text of the result; "null" when absent
    const auto row = [](const char *path, const char *expected) {
        QTest::newRow(path) << QString::fromUtf8(path) << QString::fromUtf8(expected);
    };
    row("$", R"({"a":{"b":[1,2,3]},"c":"x","d":[{"n":1},{"n":2}],"e k":true})");
    row("$.c", R"("x")");
    row("$.a.b", "[1,2,3]");
    row("$.a.b[0]", "1");
    row("$.a.b[-1]", "3");
    row("$['a']['b'][1]", "2");
    row("$[\"e k\"]", "true");
    row("$.d[*].n", "[1,2]");
    row("$.d[1].n", "2");
    row("$..n", "[1,2]");
    row("$.a.b[0:2]", "[1,2]");
    row("$.a.b[1:]", "[2,3]");
    row("$.a.b[0,2]", "[1,3]");
    row("$.a.*", "[[1,2,3]]");
    row("$.missing", "null");
    row("$.a.b[9]", "null");
    row("c", R"("x")");
}

void TestJsonPath::evaluates()
{
    QFETCH(QString, path);
    QFETCH(QString, expected);
    VtlValue root;
    QVERIFY(parseJsonText(QStringLiteral(R"({"a":{"b":[1,2,3]},"c":"x","d":[{"n":1},{"n":2}],"e k":true})"), &root));
    bool ok = false;
    const VtlValue v = evaluateJsonPath(root, path, &ok);
    QVERIFY(ok);
    QCOMPARE(v.toJsonText(), expected);
}

void TestJsonPath::filtersAreRejected()
{
    VtlValue root;
    QVERIFY(parseJsonText(QStringLiteral("[1,2]"), &root));
    bool ok = true;
    QVERIFY(evaluateJsonPath(root, QStringLiteral("$[?(@ > 1)]"), &ok).isNull());
    QVERIFY(!ok);
}

QTEST_GUILESS_MAIN(TestJsonPath)
#include "tst_jsonpath.moc"
