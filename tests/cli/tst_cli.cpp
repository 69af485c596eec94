#include "cliprocess.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTcpServer>
#include <QtEndian>
#include <QTemporaryDir>
#include <QTest>

// The CLI verbs run as processes, as a script or CI would run them.
class TestCli : public QObject
{
    Q_OBJECT

    QString m_cli;
    QString m_sample = QStringLiteral(GW_SOURCE_DIR "/resources/samples/petstore.gwproj");

    // The IPv4 addresses sockets listen on at `port`, as the kernel reports them (Linux): what a
    // socket is bound to, whatever interfaces this machine happens to have.
    static QStringList listeningAddresses(quint16 port)
    {
        QFile f(QStringLiteral("/proc/net/tcp"));
        if (!f.open(QIODevice::ReadOnly))
            return {};
        QStringList out;
        for (const QByteArray &line : f.readAll().split('\n')) {
            const QList<QByteArray> fields = line.simplified().split(' ');
            if (fields.size() < 4 || fields[3] != "0A") // 0A: LISTEN
                continue;
            const QList<QByteArray> local = fields[1].split(':');
            bool ok = false;
            if (local.size() != 2 || local[1].toUShort(&ok, 16) != port || !ok)
                continue;
            out.append(QHostAddress(qFromBigEndian(local[0].toUInt(nullptr, 16))).toString());
        }
        out.removeDuplicates(); // the gateway's port has one socket per engine thread
        return out;
    }

    static QByteArray curlWithStatus(const QString &url)
    {
        return gwtest::curl({QStringLiteral("-w"), QStringLiteral("\n%{http_code}"), url});
    }

private slots:
    void initTestCase()
    {
        m_cli = gwtest::cliPath();
        QVERIFY2(QFile::exists(m_cli), qPrintable(m_cli));
        QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("curl")).isEmpty(), "curl is needed (packaging/deps.sh --test installs it)");
    }

    void checkAcceptsTheSample()
    {
        const gwtest::CliRun r = gwtest::runCli({QStringLiteral("check"), m_sample});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(": ok"));
    }

    void checkReportsEveryProblemWithItsPath()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("bad.gwproj"));
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(R"({"schemaVersion":1,"apis":[{"id":"a1","name":"","design":{"resources":[
            {"id":"r","path":"/","methods":{"GET":{"integration":{"type":"HTTP","timeoutInMillis":10}}}},
            {"id":"g","path":"/{p+}/child"}]}}]})");
        f.close();
        const gwtest::CliRun r = gwtest::runCli({QStringLiteral("check"), file});
        QCOMPARE(r.exitCode, 1);
        const QString err = QString::fromUtf8(r.err);
        QVERIFY2(err.contains(file + QStringLiteral(":apis[0].name: API name is empty")), qPrintable(err));
        QVERIFY2(err.contains(file + QStringLiteral(":apis[0].design.resources[0].methods.GET.integration.uri: integration URI is empty")), qPrintable(err));
        QVERIFY2(err.contains(file + QStringLiteral(":apis[0].design.resources[0].methods.GET.integration.timeoutInMillis:")), qPrintable(err));
        QVERIFY2(err.contains(QStringLiteral("greedy path variable")), qPrintable(err));
    }

    void checkRejectsACorruptFile()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("corrupt.gwproj"));
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{\n \"apis\": [\n");
        f.close();
        const gwtest::CliRun r = gwtest::runCli({QStringLiteral("check"), file});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.startsWith(QByteArray(file.toUtf8() + ": not a valid project file")), r.err.constData());
        QVERIFY(r.err.contains("line 3"));
    }

    void testInvokePrintsResponseAndTrace()
    {
        const gwtest::CliRun r = gwtest::runCli({QStringLiteral("test-invoke"), m_sample, QStringLiteral("--stage"), QStringLiteral("dev"),
                           QStringLiteral("--method"), QStringLiteral("GET"), QStringLiteral("--path"), QStringLiteral("/pets/1?x=1"),
                           QStringLiteral("--header"), QStringLiteral("X-Test: yes")});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject json = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(json.value(QStringLiteral("status")).toInt(), 200);
        QCOMPARE(json.value(QStringLiteral("body")).toString(), QStringLiteral("{\"id\": 1, \"type\": \"dog\", \"price\": 249.99}"));
        const QString log = json.value(QStringLiteral("log")).toString();
        QVERIFY2(log.contains(QLatin1String("HTTP Method: GET, Resource Path: /pets/{petId}")), qPrintable(log));
        QVERIFY(log.contains(QLatin1String("Method request path: {petId=1}")));
        QVERIFY(log.contains(QLatin1String("Method request query string: {x=1}")));
        QVERIFY(log.contains(QLatin1String("X-Test=yes")));
        QVERIFY(log.contains(QLatin1String("Method completed with status: 200")));
        QVERIFY(json.value(QStringLiteral("trace")).toArray().size() >= 5);
    }

    void testInvokeOfAnUnknownRouteGives403()
    {
        const gwtest::CliRun r = gwtest::runCli({QStringLiteral("test-invoke"), m_sample, QStringLiteral("--stage"), QStringLiteral("dev"),
                           QStringLiteral("--path"), QStringLiteral("/nope")});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject json = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(json.value(QStringLiteral("status")).toInt(), 403);
        QCOMPARE(json.value(QStringLiteral("body")).toString(), QStringLiteral("{\"message\":\"Missing Authentication Token\"}"));
    }

    void serveAnswersCurlAndStopsOnSigterm()
    {
        // The sample's HTTP_PROXY route proxies to the gateway itself; point it at our port.
        const quint16 port = gwtest::freePort();
        QTemporaryDir dir;
        QFile in(m_sample);
        QVERIFY(in.open(QIODevice::ReadOnly));
        QByteArray text = in.readAll();
        text.replace("127.0.0.1:4510", QByteArray("127.0.0.1:" + QByteArray::number(port)));
        const QString project = dir.filePath(QStringLiteral("petstore.gwproj"));
        QFile out(project);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(text);
        out.close();

        QProcess serve;
        serve.start(m_cli, {QStringLiteral("serve"), project, QStringLiteral("--port"), QString::number(port)});
        QVERIFY(serve.waitForReadyRead(10000));
        QTRY_VERIFY(serve.canReadLine());
        const QByteArray first = serve.readLine();
        QCOMPARE(first, "listening on http://127.0.0.1:" + QByteArray::number(port) + "\n");
        QTRY_VERIFY(serve.canReadLine());
        QVERIFY(serve.readLine().contains(QByteArray("http://petstore.execute-api.localhost:" + QByteArray::number(port) + "/dev/")));

        // curl resolves *.localhost to loopback, as browsers do.
        QCOMPARE(curlWithStatus(QStringLiteral("http://petstore.execute-api.localhost:%1/dev/ping").arg(port)), QByteArray("{\"status\":\"ok\"}\n200"));
        QCOMPARE(curlWithStatus(QStringLiteral("http://127.0.0.1:%1/restapis/petstore/dev/_user_request_/nope").arg(port)),
                 QByteArray("{\"message\":\"Missing Authentication Token\"}\n403"));
        QCOMPARE(curlWithStatus(QStringLiteral("http://petstore.execute-api.localhost:%1/dev/shop/pets/1").arg(port)),
                 QByteArray("{\"id\": 1, \"type\": \"dog\", \"price\": 249.99}\n200"));

        serve.terminate(); // SIGTERM
        QVERIFY(serve.waitForFinished(10000));
        QCOMPARE(serve.exitStatus(), QProcess::NormalExit);
        QCOMPARE(serve.exitCode(), 0);
    }

    void adminPortStaysOnLoopbackUnlessAsked_data()
    {
        QTest::addColumn<QStringList>("extraArgs");
        QTest::addColumn<QString>("adminBound");
        QTest::newRow("--host 0.0.0.0 alone") << QStringList{} << QStringLiteral("127.0.0.1");
        QTest::newRow("--admin-host 0.0.0.0") << QStringList{QStringLiteral("--admin-host"), QStringLiteral("0.0.0.0")} << QStringLiteral("0.0.0.0");
    }
    void adminPortStaysOnLoopbackUnlessAsked()
    {
        QFETCH(QStringList, extraArgs);
        QFETCH(QString, adminBound);
        if (!QFile::exists(QStringLiteral("/proc/net/tcp")))
            QSKIP("needs Linux's /proc/net/tcp to see what the admin socket is bound to");
        const quint16 port = gwtest::freePort();
        const quint16 adminPort = gwtest::freePort();
        QProcess serve;
        serve.start(m_cli, QStringList{QStringLiteral("serve"), m_sample, QStringLiteral("--host"), QStringLiteral("0.0.0.0"),
                                       QStringLiteral("--port"), QString::number(port), QStringLiteral("--admin-port"),
                                       QString::number(adminPort)} + extraArgs);
        QVERIFY(serve.waitForStarted());
        QByteArray printed;
        QTRY_VERIFY_WITH_TIMEOUT((printed += serve.readAllStandardOutput()).contains("listening on"), 10000);
        QVERIFY2(printed.contains(QByteArray("metrics on http://" + adminBound.toLatin1() + ':' + QByteArray::number(adminPort) + "/metrics")),
                 printed.constData());
        // The gateway itself is on every interface, as asked; the admin port only where --admin-host says.
        QCOMPARE(listeningAddresses(port), QStringList{QStringLiteral("0.0.0.0")});
        QCOMPARE(listeningAddresses(adminPort), QStringList{adminBound});
        QCOMPARE(curlWithStatus(QStringLiteral("http://127.0.0.1:%1/health").arg(adminPort)), QByteArray("{\"status\":\"serving\"}\n200"));
        // (No probe from a non-loopback address: tests send traffic to loopback only; the
        // kernel's record of the bound address above is what decides who can connect.)
        serve.terminate();
        QVERIFY(serve.waitForFinished(10000));
    }

    void serveRefusesABusyPort()
    {
        QTcpServer busy;
        QVERIFY(busy.listen(QHostAddress::LocalHost, 0));
        const gwtest::CliRun r = gwtest::runCli({QStringLiteral("serve"), m_sample, QStringLiteral("--port"), QString::number(busy.serverPort())});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QByteArray("cannot listen on 127.0.0.1:" + QByteArray::number(busy.serverPort()))), r.err.constData());
    }

#ifdef GW_HAVE_GUI
    void desktopAppWithoutDisplayServesHeadless()
    {
        const QString app = QStringLiteral(GW_BINARY_DIR "/app/gui/gatewright");
        QVERIFY2(QFile::exists(app), qPrintable(app));
        const quint16 port = gwtest::freePort();
        QTemporaryDir dir;
        QFile in(m_sample);
        QVERIFY(in.open(QIODevice::ReadOnly));
        QByteArray text = in.readAll();
        text.replace("\"port\": 4510", QByteArray("\"port\": " + QByteArray::number(port)));
        const QString project = dir.filePath(QStringLiteral("petstore.gwproj"));
        QFile out(project);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(text);
        out.close();
        QProcess gui;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const char *name : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"})
            env.remove(QLatin1String(name));
        gui.setProcessEnvironment(env);
        gui.start(app, {project});
        QVERIFY(gui.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(gui.canReadLine(), 10000);
        QCOMPARE(gui.readLine(), "listening on http://127.0.0.1:" + QByteArray::number(port) + "\n");
        QVERIFY(gui.readAllStandardError().contains("no display"));
        QCOMPARE(curlWithStatus(QStringLiteral("http://petstore.execute-api.localhost:%1/dev/ping").arg(port)), QByteArray("{\"status\":\"ok\"}\n200"));
        gui.terminate();
        QVERIFY(gui.waitForFinished(10000));
        QCOMPARE(gui.exitCode(), 0);
    }
#endif

    void unknownCommandIsAnError()
    {
        const gwtest::CliRun r = gwtest::runCli({QStringLiteral("frobnicate")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("unknown command"));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
