// The VTL engine's constructs one by one: references, directives, literals, operators, Java
// methods, whitespace rules, syntax errors with their line:column, and the render limits.
#include "gateway/transform/vtljson.h"
#include "gateway/transform/vtltemplate.h"

#include <QtTest>

using namespace gw::transform;

namespace {

VtlVariables variablesFrom(const QString &json)
{
    VtlVariables vars;
    VtlValue v;
    if (!json.isEmpty() && parseJsonText(json, &v) && v.type() == VtlValue::Type::Map)
        for (const QString &k : v.map()->keys())
            vars.insert(k, v.map()->value(k));
    return vars;
}

QString render(const QString &source, const QString &variables = {}, VtlLimits limits = {})
{
    VtlSyntaxError error;
    const auto tpl = VtlTemplate::parse(source, &error);
    if (!tpl)
        return QStringLiteral("SYNTAX ") + error.toString();
    VtlVariables vars = variablesFrom(variables);
    const VtlRenderResult r = tpl->render(vars, limits);
    return r.ok ? r.output : QStringLiteral("ERROR ") + r.error;
}

} // namespace

class TestVtlEngine : public QObject
{
    Q_OBJECT

private slots:
    void renders_data();
    void renders();
    void syntaxErrorsSayWhere_data();
    void syntaxErrorsSayWhere();
    void stepLimitStopsEndlessWork();
    void outputLimitStopsGrowth();
    void foreachStopsAtApiGatewaysCap();
    void macroRecursionIsBounded();
    void oneParseServesManyRenders();
};

void TestVtlEngine::renders_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("variables");
    QTest::addColumn<QString>("expected");
    const auto row = [](const char *name, const char *source, const char *vars, const char *expected) {
        QTest::newRow(name) << QString::fromUtf8(source) << QString::fromUtf8(vars) << QString::fromUtf8(expected);
    };
    // references
    row("plain", "Hi $name!", R"({"name":"Ann"})", "Hi Ann!");
    row("formal", "${name}s", R"({"name":"cat"})", "cats");
    row("quiet-undefined", "[$!nope]", "", "[]");
    row("undefined-prints-empty", "[$nope]", "", "[]");
    row("property-chain", "$a.b.c", R"({"a":{"b":{"c":42}}})", "42");
    row("index", "$a[1] $a[-1]", R"({"a":[10,20,30]})", "20 30");
    row("map-index", "$m['k'] $m[\"k\"]", R"({"m":{"k":"v"}})", "v v");
    row("dot-after-name-is-text", "$name.", R"({"name":"x"})", "x.");
    row("bare-dollar", "cost: $ 5", "", "cost: $ 5");
    row("escaped-reference", "\\$name \\\\$name", R"({"name":"x"})", "$name \\x");
    row("escaped-directive", "\\#if(true)", "", "#if(true)");
    row("hash-not-directive", "<a href=\"#\">#top</a>", "", "<a href=\"#\">#top</a>");
    // #set and literals
    row("set-int", "#set($x = 7)$x", "", "7");
    row("set-double", "#set($x = 1.5)$x", "", "1.5");
    row("set-null-keeps-value", "#set($x = 1)#set($x = $m.get('none').foo)$x", R"({"m":{}})", "");
    row("single-quotes-literal", "#set($x = '$name')$x", R"({"name":"n"})", "$name");
    row("double-quotes-interpolate", "#set($x = \"<$name>\")$x", R"({"name":"n"})", "<n>");
    row("doubled-quote", "#set($x = \"a\"\"b\")$x", "", "a\"b");
    row("list-literal", "#set($l = [1, 'a', true])$l", "", "[1, a, true]");
    row("map-literal", "#set($m = {'a': 1, 'b': [2]})$m", "", "{a=1, b=[2]}");
    row("range-up", "#foreach($i in [1..3])$i#end", "", "123");
    row("range-down", "#foreach($i in [2..-1])$i,#end", "", "2,1,0,-1,");
    row("set-map-key", "#set($m = {})#set($m.k = 'v')#set($m['j'] = 'w')$m", "", "{k=v, j=w}");
    row("set-list-index", "#set($l = [1,2])#set($l[0] = 9)$l", "", "[9, 2]");
    // conditionals
    row("if-true", "#if($a)yes#end", R"({"a":true})", "yes");
    row("if-false", "#if($a)yes#else no#end", R"({"a":false})", " no");
    row("elseif", "#if($n == 1)one#elseif($n == 2)two#else many#end", R"({"n":2})", "two");
    row("braced-else", "#if(false)a#{else}b#{end}", "", "b");
    row("undefined-is-true", "#if($undefined)shown#end", "", "shown");
    row("null-is-empty-string", "#if($m.x == '')empty#end", R"({"m":{"x":null}})", "empty");
    // operators
    row("arithmetic", "#set($x = 7 / 2)#set($y = 7 % 4)#set($z = -3 * 2 + 1)$x $y $z", "", "3 3 -5");
    row("double-math", "#set($x = 1.0 / 4)$x", "", "0.25");
    row("division-by-zero-is-null", "#set($x = 5)#set($x = 1 / 0)$x", "", "5");
    row("string-plus", "#set($x = 'a' + 1)$x", "", "a1");
    row("comparison-words", "#if(2 gt 1 and 1 lt 2 and 1 eq 1 and 1 ne 2 and 2 ge 2 and 2 le 2)ok#end", "", "ok");
    row("logic", "#if(!false && (false || true) && not false)ok#end", "", "ok");
    row("number-equality-by-value", "#if(1 == 1.0)same#end", "", "same");
    row("string-number-equality", "#if('1' == 1)same#end", "", "same");
    // loops
    row("foreach-vars", "#foreach($x in ['a','b'])$foreach.index$foreach.count$foreach.hasNext $velocityCount,#end", "",
        "01true 1,12false 2,");
    row("foreach-map-values", "#foreach($v in $m)$v#end", R"({"m":{"a":1,"b":2}})", "12");
    row("foreach-break", "#foreach($i in [1..5])#if($i == 3)#break#end$i#end", "", "12");
    row("foreach-restores-variable", "#set($i = 'x')#foreach($i in [1])#end$i", "", "x");
    row("stop", "a#stop b", "", "a");
    row("define", "#define($b)[$v]#end#set($v = 1)$b#set($v = 2)$b", "", "[1][2]");
    row("macro", "#macro(greet $who)Hi $who!#end#greet('Bo') #greet(\"Al\")", "", "Hi Bo! Hi Al!");
    // comments and whitespace
    row("line-comment", "a## gone\nb", "", "ab");
    row("block-comment", "a#* gone\n *#b", "", "ab");
    row("unparsed", "#[[$raw #if]]#", "", "$raw #if");
    row("directive-newline-eaten", "#set($a = 1)\n#if(true)  \nx\n#end\ny", "", "x\ny");
    row("indent-kept", "  #set($a = 1)\n  $a", "", "    1");
    // Java methods
    row("string-methods",
        "#set($s = ' Hello ')$s.trim().toLowerCase()|$s.length()|$s.contains('ell')|$s.trim().startsWith('He')|$s.endsWith(' ')", "",
        "hello|7|true|true|true");
    row("string-more", "#set($s = 'a,b,,c,,')$s.split(',').size()|$s.indexOf('b')|$s.replace(',', ';')|$s.substring(2, 3)|$s.charAt(0)", "",
        "4|2|a;b;;c;;|b|a");
    row("replaceAll-groups", "#set($s = 'john smith')$s.replaceAll('(\\w+) (\\w+)', '$2, $1')", "", "smith, john");
    row("matches-whole", "#set($s = 'abc123')$s.matches('[a-z]+')|$s.matches('[a-z]+\\d+')", "", "false|true");
    row("equalsIgnoreCase-concat", "#set($s = 'AbC')$s.equalsIgnoreCase('abc')|$s.equals('abc')|$s.concat('d')|$s.toUpperCase()|$s.isEmpty()", "",
        "true|false|AbCd|ABC|false");
    row("list-methods", "#set($l = [3,1])#set($d = $l.add(2))$l.size()|$l.get(0)|$l.contains(1)|$l.indexOf(2)|$l.subList(1, 3)|$l.isEmpty()", "",
        "3|3|true|2|[1, 2]|false");
    row("list-remove", "#set($l = ['a','b','c'])#set($d = $l.remove(0))#set($d = $l.remove('c'))$l", "", "[b]");
    row("map-methods",
        "#set($m = {'a': 1})#set($d = $m.put('b', 2))$m.size()|$m.get('b')|$m.containsKey('a')|$m.keySet()|$m.values()|$m.isEmpty()", "",
        "2|2|true|[a, b]|[1, 2]|false");
    row("map-entries", "#foreach($e in $m.entrySet())$e.key=$e.value;#end", R"({"m":{"x":1,"y":"z"}})", "x=1;y=z;");
    row("map-remove-putAll", "#set($m = {'a': 1})#set($d = $m.putAll({'b': 2, 'c': 3}))#set($d = $m.remove('a'))$m", "", "{b=2, c=3}");
    row("bean-property", "#set($l = [])$l.empty", "", "true");
    row("json-list-prints-json", "$l", R"({"l":[{"a":"b"},1]})", R"([{"a":"b"},1])");
    row("json-map-prints-java", "$m", R"({"m":{"a":"b","n":[1]}})", "{a=b, n=[1]}");
    row("hyphen-property", "$h.X-Api-Key $n-1", R"({"h":{"X-Api-Key":"k"},"n":5})", "k 5-1");
    row("unknown-method-empty", "[$s.nope()]", R"({"s":"x"})", "[]");
}

void TestVtlEngine::renders()
{
    QFETCH(QString, source);
    QFETCH(QString, variables);
    QFETCH(QString, expected);
    QCOMPARE(render(source, variables), expected);
}

void TestVtlEngine::syntaxErrorsSayWhere_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("error");
    QTest::newRow("unclosed-if") << QStringLiteral("a\n  #if($x)b") << QStringLiteral("2:3: #if has no matching #end");
    QTest::newRow("stray-end") << QStringLiteral("ab#end") << QStringLiteral("1:3: #end without a matching #if, #foreach, #define or #macro");
    QTest::newRow("else-outside-if") << QStringLiteral("#foreach($a in [])#else#end") << QStringLiteral("1:19: #else outside #if");
    QTest::newRow("set-without-paren") << QStringLiteral("#set $a = 1") << QStringLiteral("1:6: expected '(' after #set");
    QTest::newRow("set-without-equals") << QStringLiteral("#set($a 1)") << QStringLiteral("1:9: expected '=' in #set");
    QTest::newRow("bad-expression") << QStringLiteral("\n\n#if($a == )x#end") << QStringLiteral("3:11: unexpected ')' in an expression");
    QTest::newRow("bareword") << QStringLiteral("#set($a = b)") << QStringLiteral("1:11: unexpected 'b' in an expression (references start with '$')");
    QTest::newRow("unterminated-string") << QStringLiteral("#set($a = \"abc)") << QStringLiteral("1:11: unterminated string literal");
    QTest::newRow("unterminated-comment") << QStringLiteral("x\n#* never") << QStringLiteral("2:1: unterminated comment: '#*' without '*#'");
    QTest::newRow("unclosed-formal") << QStringLiteral("${a.b") << QStringLiteral("1:6: expected '}' to close ${a");
    QTest::newRow("method-args") << QStringLiteral("$a.b(1 2)") << QStringLiteral("1:8: expected ',' or ')' in argument list");
    QTest::newRow("foreach-without-in") << QStringLiteral("#foreach($a of $b)#end") << QStringLiteral("1:13: expected 'in' in #foreach");
    QTest::newRow("dollar-at-end") << QStringLiteral("Hello $") << QStringLiteral("1:7: unexpected end of template after '$'");
    QTest::newRow("elseif-after-else") << QStringLiteral("#if(1)#else#elseif(2)#end") << QStringLiteral("1:12: #elseif after #else");
    QTest::newRow("string-interpolation-error") << QStringLiteral("#set($a = \"x #if(\")") << QStringLiteral("1:18: unexpected end of template in an expression");
}

void TestVtlEngine::syntaxErrorsSayWhere()
{
    QFETCH(QString, source);
    QFETCH(QString, error);
    QCOMPARE(render(source), QStringLiteral("SYNTAX ") + error);
}

void TestVtlEngine::stepLimitStopsEndlessWork()
{
    VtlLimits limits;
    limits.maxSteps = 10'000;
    // Nested loops of 1000 × 1000 would take a million steps.
    const QString r = render(QStringLiteral("#foreach($a in [1..1000])#foreach($b in [1..1000])x#end#end"), {}, limits);
    QVERIFY2(r.startsWith(QLatin1String("ERROR ")) && r.contains(QLatin1String("step")), qPrintable(r.left(200)));
}

void TestVtlEngine::outputLimitStopsGrowth()
{
    VtlLimits limits;
    limits.maxOutput = 1000;
    const QString r = render(QStringLiteral("#set($s = 'xx')#foreach($i in [1..30])#set($s = \"$s$s\")#end$s"), {}, limits);
    QVERIFY2(r.startsWith(QLatin1String("ERROR ")) && r.contains(QLatin1String("exceeds 1000 characters")), qPrintable(r.left(200)));
}

void TestVtlEngine::foreachStopsAtApiGatewaysCap()
{
    const QString r = render(QStringLiteral("#foreach($i in [1..1500])x#end"));
    QCOMPARE(r.size(), 1000);
}

void TestVtlEngine::macroRecursionIsBounded()
{
    const QString r = render(QStringLiteral("#macro(loop)#loop()#end#loop()"));
    QVERIFY2(r.startsWith(QLatin1String("ERROR 1:13: macro calls nested deeper than 64")), qPrintable(r));
    const QString d = render(QStringLiteral("#define($d)$d#end$d"));
    QVERIFY2(d.startsWith(QLatin1String("ERROR ")) && d.contains(QLatin1String("#define blocks nested deeper")), qPrintable(d));
}

void TestVtlEngine::oneParseServesManyRenders()
{
    VtlSyntaxError error;
    const auto tpl = VtlTemplate::parse(QStringLiteral("#set($l = [])#set($d = $l.add($n))$l.size()-$n"), &error);
    QVERIFY(tpl);
    for (int i = 0; i < 3; ++i) {
        VtlVariables vars{{QStringLiteral("n"), VtlValue::fromInt(i)}};
        const VtlRenderResult r = tpl->render(vars);
        QVERIFY(r.ok);
        QCOMPARE(r.output, QStringLiteral("1-%1").arg(i));
    }
}

QTEST_GUILESS_MAIN(TestVtlEngine)
#include "tst_vtlengine.moc"
