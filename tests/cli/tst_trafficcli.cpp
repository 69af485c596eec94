#include "cliprocess.h"
#include "testproject.h"

#include "gateway/model/deployments.h"
#include "gateway/model/projectfile.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QStandardPaths>
#include <QTest>

#include <ctime>

using namespace gw::model;

// The CLI verbs of issue 6 run as processes: `cors enable`, `serve` printing cache settings,
// `flush-cache` through the admin endpoint.
class TestTrafficCli : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    QString writeProject(const Project &project, const QString &name)
    {
        const QString file = m_dir.filePath(name);
        QString error;
        if (!saveProject(project, file, &error))
            qWarning("%s", qPrintable(error));
        return file;
    }
    static Project petsProject()
    {
        Project p;
        Api api = newRestApi(QStringLiteral("Pets"));
        api.id = QStringLiteral("pets");
        gwtest::addResource(api, QStringLiteral("/pets")).methods.insert(QStringLiteral("GET"),
            gwtest::mockMethod(QStringLiteral("GET"), 200, QStringLiteral("[1,2]")));
        deploy(api, QStringLiteral("prod"));
        api.stage(QStringLiteral("prod"))->cacheClusterEnabled = true;
        api.stage(QStringLiteral("prod"))->cacheClusterSize = QStringLiteral("1.6");
        p.apis = {api};
        return p;
    }
    static QJsonObject cacheStats(quint16 adminPort)
    {
        const QByteArray body = gwtest::curl({QStringLiteral("http://127.0.0.1:%1/cache").arg(adminPort)});
        return QJsonDocument::fromJson(body).object().value(QLatin1String("caches")).toArray().at(0).toObject();
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(QFile::exists(gwtest::cliPath()), qPrintable(gwtest::cliPath()));
    }

    void corsEnableWritesTheConsolesMethods()
    {
        const QString file = writeProject(petsProject(), QStringLiteral("cors.gwproj"));
        const gwtest::CliRun r = gwtest::runCli({QStringLiteral("cors"), QStringLiteral("enable"), file, QStringLiteral("--api"), QStringLiteral("pets"),
                           QStringLiteral("--resource"), QStringLiteral("/pets"), QStringLiteral("--origin"),
                           QStringLiteral("https://app.example"), QStringLiteral("--gateway-responses")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains("OPTIONS /pets created"), r.out.constData());
        const LoadResult loaded = loadProject(file);
        QVERIFY(loaded.ok);
        const Resource *res = loaded.project.apis[0].design.resource(QStringLiteral("/pets"));
        QVERIFY(res && res->methods.contains(QStringLiteral("OPTIONS")));
        const Method &options = res->methods[QStringLiteral("OPTIONS")];
        QVERIFY(options.integration->type == IntegrationType::Mock);
        QCOMPARE(options.integration->integrationResponses[0].responseParameters.value(
                     QStringLiteral("method.response.header.Access-Control-Allow-Origin")), QStringLiteral("'https://app.example'"));
        QCOMPARE(options.integration->integrationResponses[0].responseParameters.value(
                     QStringLiteral("method.response.header.Access-Control-Allow-Methods")), QStringLiteral("'GET,OPTIONS'"));
        QVERIFY(loaded.project.apis[0].design.gatewayResponses.contains(QStringLiteral("DEFAULT_4XX")));
    }

    void corsEnableSaysWhatIsWrong()
    {
        const QString file = writeProject(petsProject(), QStringLiteral("corsbad.gwproj"));
        const gwtest::CliRun r = gwtest::runCli({QStringLiteral("cors"), QStringLiteral("enable"), file, QStringLiteral("--api"), QStringLiteral("pets"),
                           QStringLiteral("--resource"), QStringLiteral("/nope")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QByteArray(file.toUtf8() + ":apis[pets]: API pets has no resource /nope")), r.err.constData());
        QCOMPARE(gwtest::runCli({QStringLiteral("cors"), QStringLiteral("enable"), file}).exitCode, 2);
    }

    void serveShowsCacheSettingsAndFlushCacheEmptiesIt()
    {
        const QString file = writeProject(petsProject(), QStringLiteral("cache.gwproj"));
        const quint16 port = gwtest::freePort();
        const quint16 adminPort = gwtest::freePort();
        QProcess serve;
        serve.start(gwtest::cliPath(), {QStringLiteral("serve"), file, QStringLiteral("--port"), QString::number(port),
                            QStringLiteral("--admin-port"), QString::number(adminPort)});
        QByteArray printed;
        QTRY_VERIFY_WITH_TIMEOUT((printed += serve.readAllStandardOutput()).contains("cache pets/prod"), 10000);
        QTRY_VERIFY((printed += serve.readAllStandardOutput()).endsWith('\n'));
        QVERIFY2(printed.contains("cache pets/prod: 1.6 GB; GET /pets (TTL 300 s)"), printed.constData());

        const QString url = QStringLiteral("http://127.0.0.1:%1/restapis/pets/prod/_user_request_/pets").arg(port);
        QCOMPARE(gwtest::curl({url}), QByteArray("[1,2]"));
        QCOMPARE(gwtest::curl({url}), QByteArray("[1,2]"));
        QJsonObject stats = cacheStats(adminPort);
        QCOMPARE(stats.value(QLatin1String("stage")).toString(), QStringLiteral("pets/prod"));
        QCOMPARE(stats.value(QLatin1String("hits")).toInt(), 1);
        QCOMPARE(stats.value(QLatin1String("misses")).toInt(), 1);
        QCOMPARE(stats.value(QLatin1String("entries")).toInt(), 1);
        QCOMPARE(qint64(stats.value(QLatin1String("capacityBytes")).toDouble()), qRound64(1.6 * 1024 * 1024 * 1024));

        const QString admin = QStringLiteral("http://127.0.0.1:%1").arg(adminPort);
        const gwtest::CliRun flushed = gwtest::runCli({QStringLiteral("flush-cache"), QStringLiteral("--admin"), admin, QStringLiteral("--api"),
                                 QStringLiteral("pets"), QStringLiteral("--stage"), QStringLiteral("prod")});
        QCOMPARE(flushed.exitCode, 0);
        QVERIFY(flushed.out.contains("pets/prod"));
        QCOMPARE(cacheStats(adminPort).value(QLatin1String("entries")).toInt(), 0);
        const gwtest::CliRun unknown = gwtest::runCli({QStringLiteral("flush-cache"), QStringLiteral("--admin"), admin, QStringLiteral("--api"),
                                 QStringLiteral("pets"), QStringLiteral("--stage"), QStringLiteral("nostage")});
        QCOMPARE(unknown.exitCode, 1);
        QVERIFY2(unknown.err.contains("HTTP 404"), unknown.err.constData());
        QCOMPARE(gwtest::runCli({QStringLiteral("flush-cache"), QStringLiteral("--admin"), admin}).exitCode, 0);

        serve.terminate();
        QVERIFY(serve.waitForFinished(10000));
        const gwtest::CliRun down = gwtest::runCli({QStringLiteral("flush-cache"), QStringLiteral("--admin"), admin});
        QCOMPARE(down.exitCode, 1);
        QVERIFY2(down.err.contains("--admin-port"), down.err.constData());
    }
    // Issue 15: a token bucket's reference time once started at 0 on the monotonic clock, which
    // counts from boot; on a machine booted a minute ago a slow method refused its first requests.
    // The server runs in a Linux time namespace whose monotonic clock reads one minute.
    void aFreshlyBootedMachineDoesNotThrottle()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("unshare")).isEmpty())
            QSKIP("unshare (util-linux) is not installed");
        Project p = petsProject();
        Stage &prod = *p.apis[0].stage(QStringLiteral("prod"));
        prod.cacheClusterEnabled = false;
        // One token every 100 s, three in the bucket: a full bucket needs 300 s of "uptime"
        // under the old arithmetic, so one minute after boot it admitted nothing.
        MethodSetting slow;
        slow.throttlingRateLimit = 0.01;
        slow.throttlingBurstLimit = 3;
        prod.methodSettings.insert(QStringLiteral("*/*"), slow);
        const QString file = writeProject(p, QStringLiteral("fresh.gwproj"));
        timespec now{};
        clock_gettime(CLOCK_MONOTONIC, &now);
        const qint64 offset = 60 - qint64(now.tv_sec);
        const quint16 port = gwtest::freePort();
        QProcess serve;
        serve.start(QStringLiteral("unshare"), {QStringLiteral("--time"), QStringLiteral("--fork"), QStringLiteral("--kill-child=SIGTERM"), QStringLiteral("--monotonic=%1").arg(offset),
                                                gwtest::cliPath(), QStringLiteral("serve"), file, QStringLiteral("--port"), QString::number(port)});
        QVERIFY(serve.waitForStarted(10000));
        QByteArray printed;
        QTRY_VERIFY_WITH_TIMEOUT((printed += serve.readAllStandardOutput()).contains("listening on") || serve.state() == QProcess::NotRunning, 10000);
        if (serve.state() == QProcess::NotRunning && serve.readAllStandardError().contains("unshare failed"))
            QSKIP("this kernel or sandbox refuses time namespaces (unshare --time)");
        QVERIFY2(printed.contains("listening on"), printed.constData());

        const QString url = QStringLiteral("http://127.0.0.1:%1/restapis/pets/prod/_user_request_/pets").arg(port);
        const QStringList statusOnly{QStringLiteral("-o"), QStringLiteral("/dev/null"), QStringLiteral("-w"), QStringLiteral("%{http_code}"), url};
        for (int i = 0; i < 3; ++i)
            QCOMPARE(gwtest::curl(statusOnly), QByteArray("200"));
        QCOMPARE(gwtest::curl(statusOnly), QByteArray("429"));
        // unshare ignores SIGTERM while it waits for its child; killed, it passes SIGTERM on.
        serve.kill();
        QVERIFY(serve.waitForFinished(10000));
        QTRY_COMPARE_WITH_TIMEOUT(gwtest::curl(statusOnly), QByteArray("000"), 10000);
    }
};

QTEST_GUILESS_MAIN(TestTrafficCli)
#include "tst_trafficcli.moc"
