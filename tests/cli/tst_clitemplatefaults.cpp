// Mapping templates written to hurt the engine (issue 23), run the way users run them: through
// `gatewright-cli render` as a process and through `gatewright-cli serve` over loopback with
// curl. A collection that holds itself renders as Java prints it; one that reaches itself
// through another fails the template (exit 1 / a 500), and the server keeps serving.
#include "cliprocess.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

class TestCliTemplateFaults : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

    gwtest::CliRun render(const QByteArray &tpl, const QByteArray &request = "{}")
    {
        return gwtest::renderTemplate(m_dir.path(), tpl, request);
    }
    static QByteArray curlWithStatus(const QString &url)
    {
        return gwtest::curl({QStringLiteral("-w"), QStringLiteral("\n%{http_code}"), url});
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void renderPrintsSelfHoldingCollectionsAsJava()
    {
        gwtest::CliRun r = render("#set($l = [])#set($d = $l.add($l))$l $l.size() $l.contains($l)");
        QCOMPARE(r.err, QByteArray());
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QByteArray("[(this Collection)] 1 true"));
        r = render("#set($m = {})#set($d = $m.put(\"a\", $m))$m \"$m\" $util.escapeJavaScript($m)");
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QByteArray("{a=(this Map)} \"{a=(this Map)}\" {a=(this Map)}"));
    }

    void renderFailsACycleThroughAnotherCollection()
    {
        const gwtest::CliRun r = render("#set($a = [])#set($b = {\"a\": $a})#set($d = $a.add($b))\n$a");
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(r.out, QByteArray());
        QVERIFY2(r.err.startsWith("2:1: cannot print a value that contains itself through another collection"),
            r.err.constData());
        const gwtest::CliRun eq
            = render("#set($a = [])#set($d = $a.add($a))#set($b = [])#set($d = $b.add($b))#if($a == $b)x#end");
        QCOMPARE(eq.exitCode, 1);
        QVERIFY2(eq.err.contains("cannot compare values nested deeper than 1000 levels"), eq.err.constData());
    }

    void renderFailsDeepJsonInTheBody()
    {
        const QByteArray deep = QByteArray(5000, '[') + QByteArray(5000, ']');
        const gwtest::CliRun r = render("$input.path('$').size()", "{\"body\": \"" + deep + "\"}");
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("JSON nested deeper than 512 levels"), r.err.constData());
    }

    void renderErrorsQuoteLongValuesShortened()
    {
        const QByteArray name(100000, 'n');
        gwtest::CliRun r = render("#set($x = " + name + ")");
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.size() < 400, r.err.left(400).constData());
        QVERIFY(r.err.contains(QByteArray(QByteArray(200, 'n') + "\xe2\x80\xa6(99800 more)")));
        r = render("x", "{\"headers\": {\"" + name + "\": 1}}");
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.size() < 400 + m_dir.path().size(), r.err.left(400).constData());
        QVERIFY2(r.err.contains(
                     QByteArray("headers." + QByteArray(200, 'n') + "\xe2\x80\xa6(99800 more): must be a string")),
            r.err.left(400).constData());
    }

    void serveAnswersSelfHoldingTemplatesAndKeepsServing()
    {
        // The sample project with GET /ping answering a self-holding list and POST /pets's
        // request template building A → B → A.
        QFile in(QStringLiteral(GW_SOURCE_DIR "/resources/samples/petstore.gwproj"));
        QVERIFY(in.open(QIODevice::ReadOnly));
        QByteArray text = in.readAll();
        // (Escaped, not raw, strings: moc misreads raw strings with quotes inside.)
        const QByteArray ping = "\"{\\\"status\\\":\\\"ok\\\"}\"";
        const QByteArray create = "\"{\\\"statusCode\\\": 201}\"";
        QVERIFY(text.contains(ping) && text.contains(create));
        text.replace(ping, "\"#set($l = [])#set($d = $l.add($l))$l|$l.size()|#if($l == $l)eq#end\"");
        text.replace(create, "\"#set($a = [])#set($b = {'a': $a})#set($d = $a.add($b))$a\"");
        const QString project = gwtest::writeFile(m_dir.path(), QStringLiteral("petstore.gwproj"), text);

        const quint16 port = gwtest::freePort();
        QProcess serve;
        serve.start(
            gwtest::cliPath(), {QStringLiteral("serve"), project, QStringLiteral("--port"), QString::number(port)});
        QVERIFY(serve.waitForStarted(10000));
        QByteArray printed;
        QTRY_VERIFY_WITH_TIMEOUT((printed += serve.readAllStandardOutput()).contains("listening on"), 10000);
        const QString base = QStringLiteral("http://127.0.0.1:%1/restapis/petstore/dev/_user_request_").arg(port);

        QCOMPARE(curlWithStatus(base + QStringLiteral("/ping")), QByteArray("[(this Collection)]|1|eq\n200"));
        QCOMPARE(gwtest::curl({QStringLiteral("-w"), QStringLiteral("\n%{http_code}"), QStringLiteral("-X"),
                     QStringLiteral("POST"), QStringLiteral("-H"), QStringLiteral("Content-Type: application/json"),
                     QStringLiteral("-d"), QStringLiteral("{}"), base + QStringLiteral("/pets")}),
            QByteArray("{\"message\":\"Internal server error\"}\n500"));
        // Still serving, the same template again included.
        for (int i = 0; i < 3; ++i)
            QCOMPARE(curlWithStatus(base + QStringLiteral("/ping")), QByteArray("[(this Collection)]|1|eq\n200"));
        QCOMPARE(serve.state(), QProcess::Running);

        serve.terminate();
        QVERIFY(serve.waitForFinished(10000));
        QCOMPARE(serve.exitStatus(), QProcess::NormalExit);
        QCOMPARE(serve.exitCode(), 0);
    }
};

QTEST_GUILESS_MAIN(TestCliTemplateFaults)
#include "tst_clitemplatefaults.moc"
