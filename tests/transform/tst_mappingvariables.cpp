// $input, $util, $context, $stageVariables and the request/response overrides (reference
// §4.3–4.6) as mapping templates see them.
#include "gateway/transform/mappingvariables.h"
#include "gateway/transform/vtlutil.h"

#include <QtTest>

using namespace gw::transform;

namespace {

MappingRequest sampleRequest()
{
    MappingRequest r;
    r.body = R"({"name":"Ann","tags":["a","b"],"n":1.5,"o":{"k":"v"}})";
    r.pathParameters = {{QStringLiteral("id"), QStringLiteral("42")}};
    r.query = {{QStringLiteral("q"), QStringLiteral("first")}, {QStringLiteral("q"), QStringLiteral("last")},
               {QStringLiteral("id"), QStringLiteral("from-query")}};
    r.headers = {{QStringLiteral("X-Trace"), QStringLiteral("t1")}};
    r.context = QJsonObject{{QStringLiteral("stage"), QStringLiteral("dev")},
                            {QStringLiteral("requestTimeEpoch"), 1700000000123.0},
                            {QStringLiteral("identity"), QJsonObject{{QStringLiteral("sourceIp"), QStringLiteral("127.0.0.1")}}}};
    r.stageVariables = {{QStringLiteral("env"), QStringLiteral("test")}};
    return r;
}

QString render(const QString &source, const MappingRequest &request, MappingOverrides *overrides = nullptr)
{
    VtlSyntaxError error;
    const auto tpl = VtlTemplate::parse(source, &error);
    if (!tpl)
        return QStringLiteral("SYNTAX ") + error.toString();
    MappingOverrides local;
    const VtlRenderResult r = renderMapping(*tpl, request, overrides ? overrides : &local);
    return r.ok ? r.output : QStringLiteral("ERROR ") + r.error;
}

} // namespace

class TestMappingVariables : public QObject
{
    Q_OBJECT

private slots:
    void variables_data();
    void variables();
    void emptyBodyReadsAsEmptyObject();
    void nonJsonBodyIsOneString();
    void overridesAreReadBack();
    void overridesCarryOverToTheNextTemplate();
    void statusOutsideRangeIsIgnored();
    void escapeJavaScriptIsCommonsLang();
};

void TestMappingVariables::variables_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("expected");
    const auto row = [](const char *name, const char *source, const char *expected) {
        QTest::newRow(name) << QString::fromUtf8(source) << QString::fromUtf8(expected);
    };
    row("body", "$input.body", R"({"name":"Ann","tags":["a","b"],"n":1.5,"o":{"k":"v"}})");
    row("json-string", "$input.json('$.name')", R"("Ann")");
    row("json-list", "$input.json('$.tags')", R"(["a","b"])");
    row("json-missing", "$input.json('$.nope')", R"("")");
    row("json-whole", "$input.json('$.o')", R"({"k":"v"})");
    row("path-value", "$input.path('$.name')", "Ann");
    row("path-double", "$input.path('$.n')", "1.5");
    row("path-map-java", "$input.path('$.o')", "{k=v}");
    row("path-list-json", "$input.path('$.tags')", R"(["a","b"])");
    row("path-size", "$input.path('$.tags').size()", "2");
    row("path-missing", "[$input.path('$.nope')]", "[]");
    row("params-precedence", "$input.params('id')|$input.params('q')|$input.params('x-trace')|[$input.params('none')]",
        "42|last|t1|[]");
    row("params-all", "$input.params().path.id $input.params().querystring.q $input.params().header.get('X-Trace')", "42 last t1");
    row("params-keys", "#foreach($t in $input.params().keySet())$t #end", "path querystring header ");
    row("context", "$context.stage $context.identity.sourceIp $context.requestTimeEpoch", "dev 127.0.0.1 1700000000123");
    row("stage-variables", "$stageVariables.env ${stageVariables['env']} [$stageVariables.none]", "test test []");
    row("util-url", "$util.urlEncode('a b&c={x}') $util.urlDecode('a+b%26c')", "a+b%26c%3D%7Bx%7D a b&c");
    row("util-base64", "$util.base64Encode('héllo') $util.base64Decode('aMOpbGxv')", "aMOpbGxv héllo");
    row("util-parseJson", "#set($o = $util.parseJson($input.json('$.o')))$o.k", "v");
    row("util-parseJson-list", "$util.parseJson('[1,{\"a\":2}]').get(1).a", "2");
}

void TestMappingVariables::variables()
{
    QFETCH(QString, source);
    QFETCH(QString, expected);
    QCOMPARE(render(source, sampleRequest()), expected);
}

void TestMappingVariables::emptyBodyReadsAsEmptyObject()
{
    MappingRequest r;
    QCOMPARE(render(QStringLiteral("$input.body|$input.json('$')|[$input.path('$.x')]"), r), QStringLiteral("{}|{}|[]"));
}

void TestMappingVariables::nonJsonBodyIsOneString()
{
    MappingRequest r;
    r.body = "a=b&c=d";
    QCOMPARE(render(QStringLiteral("$input.path('$')|$input.json('$.a')"), r), QStringLiteral("a=b&c=d|\"\""));
}

void TestMappingVariables::overridesAreReadBack()
{
    MappingOverrides o;
    const QString out = render(QStringLiteral("#set($context.requestOverride.header.X-Up = 'u')"
                                              "#set($context.requestOverride.querystring.q = 'v')"
                                              "#set($context.requestOverride.path.p = 'w')"
                                              "#set($context.responseOverride.status = 418)"
                                              "#set($context.responseOverride.header['X-Down'] = 'd')"
                                              "$context.responseOverride.header.put('X-Put', 'p')done"),
                               sampleRequest(), &o);
    QCOMPARE(out, QStringLiteral("done"));
    QCOMPARE(o.requestHeaders, (StringPairs{{QStringLiteral("X-Up"), QStringLiteral("u")}}));
    QCOMPARE(o.requestQuery, (StringPairs{{QStringLiteral("q"), QStringLiteral("v")}}));
    QCOMPARE(o.requestPath, (StringPairs{{QStringLiteral("p"), QStringLiteral("w")}}));
    QCOMPARE(o.status, std::optional<int>(418));
    QCOMPARE(o.responseHeaders, (StringPairs{{QStringLiteral("X-Down"), QStringLiteral("d")}, {QStringLiteral("X-Put"), QStringLiteral("p")}}));
}

void TestMappingVariables::overridesCarryOverToTheNextTemplate()
{
    MappingOverrides o;
    render(QStringLiteral("#set($context.requestOverride.path.body = $input.body)#set($context.responseOverride.status = 201)"),
           sampleRequest(), &o);
    MappingRequest response;
    response.body = "";
    QCOMPARE(render(QStringLiteral("$util.parseJson($context.requestOverride.path.body).name $context.responseOverride.status"), response, &o),
             QStringLiteral("Ann 201"));
    QCOMPARE(o.status, std::optional<int>(201));
}

void TestMappingVariables::statusOutsideRangeIsIgnored()
{
    MappingOverrides o;
    render(QStringLiteral("#set($context.responseOverride.status = 700)"), sampleRequest(), &o);
    QVERIFY(!o.status);
    render(QStringLiteral("#set($context.responseOverride.status = '404')"), sampleRequest(), &o);
    QCOMPARE(o.status, std::optional<int>(404));
}

void TestMappingVariables::escapeJavaScriptIsCommonsLang()
{
    QCOMPARE(VtlUtil::escapeJavaScript(QStringLiteral("it's \"q\" \\ / \n\t é")),
             QStringLiteral("it\\'s \\\"q\\\" \\\\ \\/ \\n\\t \\u00E9"));
}

QTEST_GUILESS_MAIN(TestMappingVariables)
#include "tst_mappingvariables.moc"
