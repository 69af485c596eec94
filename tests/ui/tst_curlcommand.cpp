#include "ui/models/curlcommand.h"

#include <QTest>

using gw::ui::ClientRequest;
using gw::ui::CurlCommand;
using gw::ui::HeaderPairs;

// Reading and writing curl command lines for the client's "Paste cURL" / "Copy as cURL".
class TestCurlCommand : public QObject
{
    Q_OBJECT
private slots:
    void parsesCommandLines_data()
    {
        QTest::addColumn<QString>("command");
        QTest::addColumn<QString>("method");
        QTest::addColumn<QString>("url");
        QTest::addColumn<HeaderPairs>("headers");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QStringList>("ignored");
        const HeaderPairs form{{"Content-Type", "application/x-www-form-urlencoded"}};

        QTest::newRow("bare GET") << "curl http://api.localhost:4510/dev/pets" << "GET" << "http://api.localhost:4510/dev/pets"
                                  << HeaderPairs{} << QByteArray() << QStringList{};
        QTest::newRow("-X, -H and -d in single quotes")
            << "curl -X PUT 'http://h/p' -H 'Content-Type: application/json' -d '{\"a\": 1}'" << "PUT" << "http://h/p"
            << HeaderPairs{{"Content-Type", "application/json"}} << QByteArray("{\"a\": 1}") << QStringList{};
        QTest::newRow("data makes a POST with curl's form content type")
            << "curl http://h/p -d name=rex" << "POST" << "http://h/p" << form << QByteArray("name=rex") << QStringList{};
        QTest::newRow("double quotes with escapes")
            << "curl \"http://h/p\" --data-raw \"{\\\"a\\\": \\\"b \\$x\\\"}\" -H \"Accept: */*\"" << "POST" << "http://h/p"
            << HeaderPairs{{"Accept", "*/*"}, {"Content-Type", "application/x-www-form-urlencoded"}}
            << QByteArray("{\"a\": \"b $x\"}") << QStringList{};
        QTest::newRow("several data options joined with &")
            << "curl http://h/p --data a=1 --data-binary b=2 --data-ascii c=3" << "POST" << "http://h/p" << form
            << QByteArray("a=1&b=2&c=3") << QStringList{};
        QTest::newRow("-G moves data to the query") << "curl -G http://h/search?x=0 -d q=cats -d n=2" << "GET"
                                                    << "http://h/search?x=0&q=cats&n=2" << HeaderPairs{} << QByteArray() << QStringList{};
        QTest::newRow("--url") << "curl --url http://h/u -X DELETE" << "DELETE" << "http://h/u" << HeaderPairs{} << QByteArray()
                               << QStringList{};
        QTest::newRow("line continuations") << "curl 'http://h/p' \\\n  -H 'A: 1' \\\n  --data 'x'" << "POST" << "http://h/p"
                                            << HeaderPairs{{"A", "1"}, {"Content-Type", "application/x-www-form-urlencoded"}}
                                            << QByteArray("x") << QStringList{};
        QTest::newRow("CRLF line continuations") << "curl http://h/p \\\r\n -H 'A: 1'" << "GET" << "http://h/p"
                                                 << HeaderPairs{{"A", "1"}} << QByteArray() << QStringList{};
        QTest::newRow("unknown options ignored and listed")
            << "curl --frobnicate -s http://h/p --max-time 5 -sSL --compressed" << "GET" << "http://h/p" << HeaderPairs{}
            << QByteArray() << QStringList{QStringLiteral("--frobnicate"), QStringLiteral("--max-time 5"), QStringLiteral("-sSL")};
        QTest::newRow("attached short values") << "curl -XPATCH -H'X-A: b:c' http://h/p" << "PATCH" << "http://h/p"
                                               << HeaderPairs{{"X-A", "b:c"}} << QByteArray() << QStringList{};
        QTest::newRow("quote inside single quotes") << "curl http://h/p -H 'Content-Type: text/plain' -d 'it'\\''s'" << "POST"
                                                    << "http://h/p" << HeaderPairs{{"Content-Type", "text/plain"}}
                                                    << QByteArray("it's") << QStringList{};
        QTest::newRow("ANSI-C quoting") << "curl http://h/p -H 'Content-Type: text/plain' --data-raw $'line1\\nline2\\t\\'q\\''"
                                        << "POST" << "http://h/p" << HeaderPairs{{"Content-Type", "text/plain"}}
                                        << QByteArray("line1\nline2\t'q'") << QStringList{};
        QTest::newRow("-u becomes Basic auth") << "curl -u alice:s3cret http://h/p" << "GET" << "http://h/p"
                                               << HeaderPairs{{"Authorization", "Basic YWxpY2U6czNjcmV0"}} << QByteArray()
                                               << QStringList{};
        QTest::newRow("-I is HEAD") << "curl -I http://h/p" << "HEAD" << "http://h/p" << HeaderPairs{} << QByteArray()
                                    << QStringList{};
        QTest::newRow("--json") << "curl --json '{\"a\":1}' http://h/p" << "POST" << "http://h/p"
                                << HeaderPairs{{"Content-Type", "application/json"}, {"Accept", "application/json"}}
                                << QByteArray("{\"a\":1}") << QStringList{};
        QTest::newRow("files are not read") << "curl http://h/p -d @body.json" << "GET" << "http://h/p" << HeaderPairs{}
                                            << QByteArray() << QStringList{QStringLiteral("-d @body.json (files are not read)")};
        QTest::newRow("--data-urlencode") << "curl http://h/p --data-urlencode 'q=a b&c'" << "POST" << "http://h/p" << form
                                          << QByteArray("q=a%20b%26c") << QStringList{};
        QTest::newRow("user agent, referer, cookie") << "curl -A agent/1 -e http://r/ -b 'k=v' http://h/p" << "GET" << "http://h/p"
                                                     << HeaderPairs{{"User-Agent", "agent/1"}, {"Referer", "http://r/"}, {"Cookie", "k=v"}}
                                                     << QByteArray() << QStringList{};
        QTest::newRow("a second URL is reported") << "curl http://h/a http://h/b" << "GET" << "http://h/a" << HeaderPairs{}
                                                  << QByteArray() << QStringList{QStringLiteral("http://h/b")};
    }

    void parsesCommandLines()
    {
        QFETCH(QString, command);
        const CurlCommand cmd = CurlCommand::parse(command);
        QVERIFY2(cmd.ok(), qPrintable(cmd.error));
        QTEST(cmd.request.method, "method");
        QTEST(cmd.request.url, "url");
        QTEST(cmd.request.headers, "headers");
        QTEST(cmd.request.body, "body");
        QTEST(cmd.ignored, "ignored");
    }

    void rejectsWhatIsNotACurlCommand_data()
    {
        QTest::addColumn<QString>("command");
        QTest::addColumn<QString>("error");
        QTest::newRow("not curl") << "wget http://h/p" << "starts with \"curl\"";
        QTest::newRow("empty") << "" << "starts with \"curl\"";
        QTest::newRow("option without value") << "curl http://h/p -H" << "-H needs a value";
        QTest::newRow("unclosed single quote") << "curl 'http://h/p" << "' quote is not closed";
        QTest::newRow("unclosed double quote") << "curl \"http://h/p" << "\" quote is not closed";
        QTest::newRow("no URL") << "curl -s -H 'A: b'" << "no URL";
    }

    void rejectsWhatIsNotACurlCommand()
    {
        QFETCH(QString, command);
        QFETCH(QString, error);
        const CurlCommand cmd = CurlCommand::parse(command);
        QVERIFY(!cmd.ok());
        QVERIFY2(cmd.error.contains(error), qPrintable(cmd.error));
    }

    void formatThenParseGivesTheSameRequest_data()
    {
        QTest::addColumn<ClientRequest>("request");
        QTest::newRow("GET") << ClientRequest{QStringLiteral("GET"), QStringLiteral("http://petstore.execute-api.localhost:4510/dev/pets?limit=2&type=dog"), {{"Accept", "application/json"}}, {}};
        QTest::newRow("POST JSON with quotes") << ClientRequest{QStringLiteral("POST"), QStringLiteral("http://h/p"),
                                                               {{"Content-Type", "application/json"}, {"x-api-key", "k'ey"}},
                                                               "{\"name\": \"it's \\\"rex\\\"\", \"tags\": [\"$HOME\", \"`x`\"]}"};
        QTest::newRow("PUT multi-line body") << ClientRequest{QStringLiteral("PUT"), QStringLiteral("http://h/p/1"),
                                                             {{"Content-Type", "text/plain"}}, "line one\nline two\\n\n"};
        QTest::newRow("DELETE") << ClientRequest{QStringLiteral("DELETE"), QStringLiteral("http://h/p/1"), {{"Authorization", "Bearer abc.def"}}, {}};
        QTest::newRow("GET with a body") << ClientRequest{QStringLiteral("GET"), QStringLiteral("http://h/p"), {{"Content-Type", "text/plain"}}, "q"};
        QTest::newRow("HEAD") << ClientRequest{QStringLiteral("HEAD"), QStringLiteral("http://h/p"), {}, {}};
        QTest::newRow("OPTIONS") << ClientRequest{QStringLiteral("OPTIONS"), QStringLiteral("http://h/p"), {{"Origin", "http://a"}}, {}};
    }

    void formatThenParseGivesTheSameRequest()
    {
        QFETCH(ClientRequest, request);
        const QString text = CurlCommand::format(request);
        QVERIFY(text.startsWith(QLatin1String("curl ")));
        const CurlCommand parsed = CurlCommand::parse(text);
        QVERIFY2(parsed.ok(), qPrintable(parsed.error + QLatin1Char('\n') + text));
        QVERIFY2(parsed.ignored.isEmpty(), qPrintable(parsed.ignored.join(QLatin1Char(','))));
        QVERIFY2(parsed.request == request, qPrintable(text));
    }

    void formatPutsOneOptionPerContinuedLine()
    {
        const QString text = CurlCommand::format({QStringLiteral("PATCH"), QStringLiteral("http://h/p"), {{"A", "1"}}, "x"});
        QCOMPARE(text, QStringLiteral("curl \\\n  -X PATCH \\\n  'http://h/p' \\\n  -H 'A: 1' \\\n  --data-raw 'x'"));
    }
};

QTEST_GUILESS_MAIN(TestCurlCommand)
#include "tst_curlcommand.moc"
