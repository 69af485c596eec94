// Templates written to hurt the engine (issue 23): collections that hold themselves, values
// nested a million deep, ranges of two billion numbers, expressions and JSON nested beyond any
// stack, names of 100 KB in error messages. Each renders, or fails with a line:column error; none
// crashes, and what a render built is freed when it ends.
#include "gateway/core/elide.h"
#include "gateway/transform/jsonpath.h"
#include "gateway/transform/vtljson.h"
#include "gateway/transform/vtltemplate.h"
#include "gateway/transform/vtlutil.h"

#include <QtTest>

using namespace gw::transform;

namespace {

QString render(const QString &source, VtlVariables vars = {}, VtlLimits limits = {})
{
    vars.insert(QStringLiteral("util"), VtlValue::fromObject(std::make_shared<VtlUtil>()));
    VtlSyntaxError error;
    const auto tpl = VtlTemplate::parse(source, &error);
    if (!tpl)
        return QStringLiteral("SYNTAX ") + error.toString();
    const VtlRenderResult r = tpl->render(vars, limits);
    return r.ok ? r.output : QStringLiteral("ERROR ") + r.error;
}

// A host object that says when it is freed.
class Probe final : public VtlObject {
public:
    explicit Probe(bool *freed) : m_freed(freed) { }
    ~Probe() override { *m_freed = true; }
    VtlValue property(const QString &) override { return {}; }
    VtlValue call(const QString &, const QList<VtlValue> &, bool *found) override
    {
        *found = false;
        return {};
    }
    QString toString() const override { return QStringLiteral("probe"); }

private:
    bool *m_freed;
};

} // namespace

class TestVtlHostile : public QObject {
    Q_OBJECT

private slots:
    void selfHoldingCollectionsRenderAsJava_data();
    void selfHoldingCollectionsRenderAsJava();
    void cyclesThroughAnotherValueFailTheRender_data();
    void cyclesThroughAnotherValueFailTheRender();
    void cyclesAreFreedWhenTheRenderEnds();
    void valuesNestedAMillionDeepAreFreedAndRefusedToPrint();
    void hugeRangeInForeachIsNotBuilt();
    void hugeRangeOutsideForeachStillHitsTheStepLimit();
    void deepTemplatesAreSyntaxErrors_data();
    void deepTemplatesAreSyntaxErrors();
    void deepRenderNestingIsAnError();
    void deepJsonIsAnError();
    void longNamesAreElidedInErrors();
    void deepScanOfASelfHoldingDocumentEnds();
};

void TestVtlHostile::selfHoldingCollectionsRenderAsJava_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("expected");
    const auto row = [](const char *name, const char *source, const char *expected) {
        QTest::newRow(name) << QString::fromUtf8(source) << QString::fromUtf8(expected);
    };
    // AbstractCollection.toString prints "(this Collection)" for itself, AbstractMap "(this Map)".
    row("list", "#set($l = [])#set($d = $l.add($l))$l", "[(this Collection)]");
    row("list-among-others", "#set($l = [1])#set($d = $l.add($l))#set($d = $l.add('x'))$l",
        "[1, (this Collection), x]");
    row("list-set", "#set($l = [0])#set($l[0] = $l)$l", "[(this Collection)]");
    row("map", "#set($m = {})#set($d = $m.put('a', $m))$m", "{a=(this Map)}");
    row("map-set", "#set($m = {'k': 1})#set($m.self = $m)$m", "{k=1, self=(this Map)}");
    row("map-putAll", "#set($m = {})#set($d = $m.putAll({'a': $m}))$m", "{a=(this Map)}");
    row("interpolated", "#set($l = [])#set($d = $l.add($l))#set($s = \"<$l>\")$s", "<[(this Collection)]>");
    row("toString", "#set($l = [])#set($d = $l.add($l))$l.toString()", "[(this Collection)]");
    row("map-toString", "#set($m = {})#set($d = $m.put('a', $m))$m.toString()", "{a=(this Map)}");
    row("size", "#set($l = [])#set($d = $l.add($l))$l.size()", "1");
    row("contains", "#set($l = [])#set($d = $l.add($l))$l.contains($l)", "true");
    row("indexOf", "#set($l = [1])#set($d = $l.add($l))$l.indexOf($l)", "1");
    row("containsValue", "#set($m = {})#set($d = $m.put('a', $m))$m.containsValue($m)", "true");
    row("equals-itself", "#set($l = [])#set($d = $l.add($l))#if($l == $l)same#end", "same");
    row("equals-method", "#set($m = {})#set($d = $m.put('a', $m))$m.equals($m)", "true");
    row("escapeJavaScript", "#set($l = [])#set($d = $l.add($l))$util.escapeJavaScript($l)", "[(this Collection)]");
    row("concat", "#set($l = [])#set($d = $l.add($l))#set($s = 'l=' + $l)$s", "l=[(this Collection)]");
    row("nested-print", "#set($l = [])#set($d = $l.add($l))#set($o = [$l, $l])$o",
        "[[(this Collection)], [(this Collection)]]");
    row("entrySet", "#set($m = {})#set($d = $m.put('a', $m))$m.entrySet()", "[a={a=(this Map)}]");
    row("foreach", "#set($l = [])#set($d = $l.add($l))#foreach($x in $l)$x.size()#end", "1");
}

void TestVtlHostile::selfHoldingCollectionsRenderAsJava()
{
    QFETCH(QString, source);
    QFETCH(QString, expected);
    QCOMPARE(render(source), expected);
}

void TestVtlHostile::cyclesThroughAnotherValueFailTheRender_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("error");
    const auto row = [](const char *name, const char *source, const char *error) {
        QTest::newRow(name) << QString::fromUtf8(source) << QString::fromUtf8(error);
    };
    // Java overflows its stack on these (A holds B holds A; two distinct self-holding lists
    // compared; a JSON array holding itself printed by json-smart): the render fails, as a
    // mapping that throws does in API Gateway (a 500).
    const char *cycle = "cannot print a value that contains itself through another collection";
    row("list-map-list", "#set($a = [])#set($b = {'a': $a})#set($d = $a.add($b))$a", cycle);
    row("map-list-map", "#set($m = {})#set($l = [$m])#set($d = $m.put('l', $l))x$m.toString()", cycle);
    row("interpolated", "#set($a = [])#set($b = [$a])#set($d = $a.add($b))#set($s = \"$b\")", cycle);
    row("escapeJavaScript", "#set($a = [])#set($b = [$a])#set($d = $a.add($b))$util.escapeJavaScript($a)", cycle);
    row("through-entry", "#set($m = {})#set($d = $m.put('s', $m))#set($d = $m.put('e', $m.entrySet()))$m", cycle);
    const char *compare = "cannot compare values nested deeper than 1000 levels";
    row("equals-lists", "#set($a = [])#set($d = $a.add($a))#set($b = [])#set($d = $b.add($b))#if($a == $b)same#end",
        compare);
    row("equals-maps", "#set($a = {})#set($d = $a.put('k', $a))#set($b = {})#set($d = $b.put('k', $b))$a.equals($b)",
        compare);
    row("contains-other", "#set($a = [])#set($d = $a.add($a))#set($b = [])#set($d = $b.add($b))$a.contains($b)",
        compare);
    row("json-array", "#set($j = $util.parseJson('[1]'))#set($d = $j.add($j))$j",
        "cannot write JSON for a value that contains itself");
}

void TestVtlHostile::cyclesThroughAnotherValueFailTheRender()
{
    QFETCH(QString, source);
    QFETCH(QString, error);
    const QString r = render(source);
    QVERIFY2(r.startsWith(QLatin1String("ERROR 1:")) && r.contains(error), qPrintable(r));
}

void TestVtlHostile::cyclesAreFreedWhenTheRenderEnds()
{
    // Reference counting alone never frees a list that holds itself: the render's end empties
    // the containers on a cycle, and what they held goes with them.
    const QStringList sources {QStringLiteral("#set($l = [$probe])#set($d = $l.add($l))$l.size()"),
        QStringLiteral("#set($m = {'p': $probe})#set($m.self = $m)#set($m = 0)"),
        QStringLiteral("#set($a = [$probe])#set($b = {'a': $a})#set($d = $a.add($b))$b.size()"),
        QStringLiteral("#set($box = [$probe])#set($m = {'b': $box})#set($d = $box.add($m.entrySet()))")};
    for (const QString &source : sources) {
        bool freed = false;
        {
            VtlVariables vars {{QStringLiteral("probe"), VtlValue::fromObject(std::make_shared<Probe>(&freed))}};
            VtlSyntaxError error;
            const auto tpl = VtlTemplate::parse(source, &error);
            QVERIFY(tpl);
            QVERIFY(tpl->render(vars).ok);
            vars.clear();
        }
        QVERIFY2(freed, qPrintable(source));
    }
}

void TestVtlHostile::valuesNestedAMillionDeepAreFreedAndRefusedToPrint()
{
    // A million nested lists: freeing them used to take a million nested destructor calls and
    // overflow the stack; printing or comparing them would too.
    VtlLimits limits;
    limits.maxSteps = 50'000'000;
    QCOMPARE(
        render(QStringLiteral(
                   "#set($a = [])#foreach($i in [1..1000])#foreach($j in [1..1000])#set($a = [$a])#end#end$a.size()"),
            {}, limits),
        QStringLiteral("1"));
    // 1,001 levels are enough to be refused.
    const QString build = QStringLiteral("#set($a = [])#foreach($i in [1..1001])#set($a = [$a])#end");
    const QString printed = render(build + QStringLiteral("$a"), {}, limits);
    QVERIFY2(printed.startsWith(QLatin1String("ERROR "))
            && printed.contains(QLatin1String("cannot print a value nested deeper than 1000 levels")),
        qPrintable(printed.left(300)));
    const QString json
        = render(build + QStringLiteral("#set($j = $util.parseJson('[]'))#set($d = $j.add($a))$j"), {}, limits);
    QVERIFY2(json.startsWith(QLatin1String("ERROR ")), qPrintable(json.left(300)));
    const QString compared = render(
        build + QStringLiteral("#set($b = [])#foreach($i in [1..1001])#set($b = [$b])#end#if($a == $b)same#end"), {},
        limits);
    QVERIFY2(compared.startsWith(QLatin1String("ERROR "))
            && compared.contains(QLatin1String("cannot compare values nested deeper")),
        qPrintable(compared.left(300)));
    // The same value built outside a render (a variable the caller keeps) is freed just as well.
    VtlValue deep = VtlValue::newList();
    for (int i = 0; i < 1'000'000; ++i) {
        VtlValue outer = VtlValue::newList();
        outer.list()->items.append(deep);
        deep = outer;
    }
    deep = VtlValue();
    QVERIFY(deep.isNull());
}

void TestVtlHostile::hugeRangeInForeachIsNotBuilt()
{
    // Building [1..N] costs N steps (the evaluator counts each element it makes); with a budget of
    // 20,000 steps, a loop over two billion numbers renders only if the range is never built.
    VtlLimits limits;
    limits.maxSteps = 20'000;
    QCOMPARE(render(QStringLiteral("#foreach($i in [1..2000000000])#if($foreach.last)$i#end#end"), {}, limits),
        QStringLiteral("1000"));
    QCOMPARE(
        render(QStringLiteral("#foreach($i in [0..9223372036854775807])#if($foreach.last)$i/$velocityCount#end#end"),
            {}, limits),
        QStringLiteral("999/1000"));
    QCOMPARE(render(QStringLiteral("#foreach($i in [3..1])$i#end"), {}, limits), QStringLiteral("321"));
    QCOMPARE(render(QStringLiteral("#foreach($i in [$n..2])$i,#end"), {{QStringLiteral("n"), VtlValue::fromInt(-1)}},
                 limits),
        QStringLiteral("-1,0,1,2,"));
    QCOMPARE(render(QStringLiteral("#foreach($i in [$nothing..2])$i#end."), {}, limits), QStringLiteral("."));
}

void TestVtlHostile::hugeRangeOutsideForeachStillHitsTheStepLimit()
{
    const QString r = render(QStringLiteral("#set($r = [1..2000000000])$r.size()"));
    QVERIFY2(r.startsWith(QLatin1String("ERROR 1:"))
            && r.contains(QLatin1String("range [1..2000000000] exceeds the step limit")),
        qPrintable(r));
    QCOMPARE(render(QStringLiteral("#set($r = [1..5])$r $r.size()")), QStringLiteral("[1, 2, 3, 4, 5] 5"));
}

void TestVtlHostile::deepTemplatesAreSyntaxErrors_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("error");
    const int n = 100'000;
    QTest::newRow("parentheses")
        << QStringLiteral("#set($x = %1 1 %2)").arg(QString(n, QLatin1Char('(')), QString(n, QLatin1Char(')')))
        << QStringLiteral("template nested too deeply (more than 200 levels)");
    QTest::newRow("if-blocks") << QStringLiteral("#if(true)").repeated(n) + QStringLiteral("#end").repeated(n)
                               << QStringLiteral("template nested too deeply (more than 200 levels)");
    QTest::newRow("not") << QStringLiteral("#set($x = %1true)").arg(QString(n, QLatin1Char('!')))
                         << QStringLiteral("template nested too deeply (more than 200 levels)");
    QTest::newRow("list-literals")
        << QStringLiteral("#set($x = %1 %2)").arg(QString(n, QLatin1Char('[')), QString(n, QLatin1Char(']')))
        << QStringLiteral("template nested too deeply (more than 200 levels)");
    QTest::newRow("operator-chain") << QStringLiteral("#set($x = 1") + QStringLiteral(" + 1").repeated(n)
            + QStringLiteral(")") << QStringLiteral("expression nested too deeply (more than 1000 levels");
    QTest::newRow("and-chain") << QStringLiteral("#if(true") + QStringLiteral(" && true").repeated(n)
            + QStringLiteral(")x#end")
                               << QStringLiteral("expression nested too deeply (more than 1000 levels");
}

void TestVtlHostile::deepTemplatesAreSyntaxErrors()
{
    QFETCH(QString, source);
    QFETCH(QString, error);
    const QString r = render(source);
    QVERIFY2(r.startsWith(QLatin1String("SYNTAX 1:")) && r.contains(error), qPrintable(r.left(300)));
    // Just under the expression cap still renders.
    QCOMPARE(render(QStringLiteral("#set($x = 1") + QStringLiteral(" + 1").repeated(900) + QStringLiteral(")$x")),
        QStringLiteral("901"));
}

void TestVtlHostile::deepRenderNestingIsAnError()
{
    // 64 nested macro calls (the call cap) × 150 nested #if each: deeper than any template
    // looks, and one native frame or more per level.
    const QString source = QStringLiteral("#macro(m)") + QStringLiteral("#if(true)").repeated(150)
        + QStringLiteral("#m()") + QStringLiteral("#end").repeated(150) + QStringLiteral("#end#m()");
    const QString r = render(source);
    QVERIFY2(r.startsWith(QLatin1String("ERROR "))
            && r.contains(QLatin1String("template nested too deeply while rendering (more than 2000 levels)")),
        qPrintable(r.left(300)));
}

void TestVtlHostile::deepJsonIsAnError()
{
    const QString deep = QString(600, QLatin1Char('[')) + QString(600, QLatin1Char(']'));
    const QString r = render(QStringLiteral("#set($v = $util.parseJson($text))done"),
        {{QStringLiteral("text"), VtlValue::fromString(deep)}});
    QVERIFY2(r.startsWith(QLatin1String("ERROR 1:")) && r.contains(QLatin1String("JSON nested deeper than 512 levels")),
        qPrintable(r));
    const QString ok = QString(500, QLatin1Char('[')) + QString(500, QLatin1Char(']'));
    QCOMPARE(render(QStringLiteral("#set($v = $util.parseJson($text))$v.size()"),
                 {{QStringLiteral("text"), VtlValue::fromString(ok)}}),
        QStringLiteral("1"));
}

void TestVtlHostile::longNamesAreElidedInErrors()
{
    const QString name = QStringLiteral("a").repeated(100'000);
    const QString unclosed = render(QStringLiteral("${") + name);
    QVERIFY2(unclosed.startsWith(QLatin1String("SYNTAX 1:")), qPrintable(unclosed.left(300)));
    QVERIFY2(unclosed.size() < 400, qPrintable(unclosed.left(300)));
    QVERIFY(unclosed.contains(QStringLiteral("a").repeated(200) + QStringLiteral("…(99800 more)")));
    const QString word = render(QStringLiteral("#set($x = ") + name + QStringLiteral(")"));
    QVERIFY2(word.size() < 400 && word.contains(QStringLiteral("…(99800 more)")), qPrintable(word.left(300)));
    QCOMPARE(gw::elideForMessage(QStringLiteral("short")), QStringLiteral("short"));
    QCOMPARE(gw::elideForMessage(QStringLiteral("abcdef"), 4), QStringLiteral("abcd…(2 more)"));
}

void TestVtlHostile::deepScanOfASelfHoldingDocumentEnds()
{
    // $input.path('$').add($input.path('$')) twice: a deep scan used to recurse 256 levels with
    // three branches each.
    VtlValue doc;
    QVERIFY(parseJsonText(QStringLiteral("[{\"x\": 1}]"), &doc));
    doc.list()->items.append(doc);
    doc.list()->items.append(doc);
    const VtlValue xs = evaluateJsonPath(doc, QStringLiteral("$..x"));
    QCOMPARE(xs.toJsonText(), QStringLiteral("[1]"));
    doc.list()->items.clear(); // the cycle, for the leak checkers
}

QTEST_GUILESS_MAIN(TestVtlHostile)
#include "tst_vtlhostile.moc"
