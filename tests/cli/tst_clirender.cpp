// `gatewright-cli render --template FILE --request REQUEST.json` run as a process: the output
// byte for byte, the REQUEST.json contract, template errors as line:column on stderr; and
// `check` reporting a template that does not parse.
#include "cliprocess.h"

#include "gateway/model/deployments.h"
#include "gateway/model/projectfile.h"

#include <QTemporaryDir>
#include <QtTest>

class TestCliRender : public QObject
{
    Q_OBJECT

    QString m_cli;
    QTemporaryDir m_dir;

    using Run = gwtest::CliRun;
    Run run(const QStringList &args) { return gwtest::runCli(args); }
    Run render(const QByteArray &tpl, const QByteArray &request) { return gwtest::renderTemplate(m_dir.path(), tpl, request); }

private slots:
    void initTestCase()
    {
        m_cli = gwtest::cliPath();
        QVERIFY(QFile::exists(m_cli));
        QVERIFY(m_dir.isValid());
    }

    void rendersTheRequestByteForByte()
    {
        const Run r = render("#set($b = $input.path('$'))\n{\"who\": \"$b.name\", \"id\": \"$input.params('id')\", "
                             "\"q\": \"$input.params('q')\", \"h\": \"$input.params('x-h')\", \"m\": \"$context.httpMethod\", "
                             "\"rp\": \"$context.resourcePath\", \"sv\": \"$stageVariables.env\", \"extra\": $extra.list.size(), \"é\": \"ü\"}",
                             "{\"method\": \"put\", \"path\": \"/things/7\", \"resourcePath\": \"/things/{id}\",\n"
                             " \"headers\": {\"X-H\": \"hv\"}, \"query\": {\"q\": \"qv\"}, \"pathParameters\": {\"id\": \"7\"},\n"
                             " \"body\": \"{\\\"name\\\": \\\"Ann\\\"}\", \"stageVariables\": {\"env\": \"dev\"},\n"
                             " \"variables\": {\"extra\": {\"list\": [1, 2, 3]}}}");
        QCOMPARE(r.err, QByteArray());
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QByteArray("{\"who\": \"Ann\", \"id\": \"7\", \"q\": \"qv\", \"h\": \"hv\", \"m\": \"PUT\", "
                                   "\"rp\": \"/things/{id}\", \"sv\": \"dev\", \"extra\": 3, \"é\": \"ü\"}"));
    }

    void trailingNewlinesAreTheTemplates()
    {
        QCOMPARE(render("a\n\n", "{}").out, QByteArray("a\n\n"));
        QCOMPARE(render("#set($x = 1)\n", "{}").out, QByteArray());
    }

    void contextMergesOverTheGeneratedOne()
    {
        const Run r = render("$context.stage|$context.identity.sourceIp|$context.identity.userAgent|$context.requestId.length()|$context.custom",
                             R"({"headers": {"User-Agent": "curl/8"}, "context": {"stage": "prod", "identity": {"sourceIp": "10.0.0.1"}, "custom": "c"}})");
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QByteArray("prod|10.0.0.1|curl/8|36|c"));
    }

    void emptyBodyIsAnEmptyObject()
    {
        QCOMPARE(render("$input.body $input.json('$')", "{}").out, QByteArray("{} {}"));
    }

    void syntaxErrorSaysLineAndColumn()
    {
        const Run r = render("ok\n  #foreach($x in $y)\n", "{}");
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(r.out, QByteArray());
        QCOMPARE(r.err, QByteArray("2:3: #foreach has no matching #end\n"));
    }

    void renderErrorExitsOne()
    {
        // (Built, so counted: only a #foreach over a range skips building it.)
        const Run r = render("#set($r = [1..100000000])", "{}");
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.startsWith("1:11: range [1..100000000] exceeds the step limit"), r.err.constData());
    }

    void badRequestFileSaysWhat()
    {
        Run r = render("x", "[1]");
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("r.json: not a JSON object"), r.err.constData());
        r = render("x", R"({"headers": {"a": 1}})");
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("r.json: headers.a: must be a string"), r.err.constData());
    }

    void usageErrorExitsTwo()
    {
        const Run r = run({QStringLiteral("render"), QStringLiteral("--template"), QStringLiteral("x")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.startsWith("usage: gatewright-cli render"));
    }

    void checkReportsATemplateThatDoesNotParse()
    {
        using namespace gw::model;
        Project project;
        project.name = QStringLiteral("bad-template");
        Api api = newRestApi(QStringLiteral("Bad"));
        Method m;
        m.httpMethod = QStringLiteral("GET");
        Integration i;
        i.type = IntegrationType::Mock;
        i.requestTemplates.insert(QStringLiteral("application/json"), QStringLiteral("{\"statusCode\": 200}\n#set($a = )"));
        m.integration = i;
        api.design.resource(QStringLiteral("/"))->methods.insert(QStringLiteral("GET"), m);
        project.apis.append(api);
        const QString file = m_dir.filePath(QStringLiteral("bad.gwproj"));
        QString error;
        QVERIFY2(saveProject(project, file, &error), qPrintable(error));
        const Run r = run({QStringLiteral("check"), file});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(".methods.GET.integration.requestTemplates[\"application/json\"]: mapping template does not parse: 2:11: "
                                "unexpected ')' in an expression"),
                 r.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestCliRender)
#include "tst_clirender.moc"
