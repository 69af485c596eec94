#include "gateway/model/check.h"
#include "gateway/model/deployments.h"
#include "gateway/model/projectfile.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace gw::model;

static QString samplePath()
{
    return QStringLiteral(GW_SOURCE_DIR "/resources/samples/petstore.gwproj");
}

class TestProjectFile : public QObject
{
    Q_OBJECT
private slots:
    void sampleLoadsAndPassesCheck()
    {
        const LoadResult r = loadProject(samplePath());
        QVERIFY2(r.ok, qPrintable(r.diagnostics.value(0).toString()));
        QCOMPARE(r.project.apis.size(), 1);
        QVERIFY(!hasErrors(check(r.project)));
        const Api &api = r.project.apis.first();
        QVERIFY(api.design.resource(QStringLiteral("/ping")));
        QCOMPARE(api.stage(QStringLiteral("dev"))->deploymentId, api.deployments.first().id);
    }

    void saveThenLoadIsEqual()
    {
        LoadResult r = loadProject(samplePath());
        QVERIFY(r.ok);
        Api &api = r.project.apis.first();
        deploy(api, QStringLiteral("prod"), QStringLiteral("second"));
        api.stage(QStringLiteral("prod"))->variables.insert(QStringLiteral("x"), QStringLiteral("1"));
        MethodSetting setting;
        setting.throttlingBurstLimit = 10;
        setting.cachingEnabled = true;
        api.stage(QStringLiteral("prod"))->methodSettings.insert(QStringLiteral("*/*"), setting);
        Function fn;
        fn.name = QStringLiteral("hello");
        fn.code = QStringLiteral("exports.handler = async () => ({statusCode: 200});");
        fn.environment.insert(QStringLiteral("GREETING"), QStringLiteral("hi"));
        r.project.functions.append(fn);
        r.project.aws.profile = QStringLiteral("local");
        r.project.server.traceBodyLimit = 4096;
        r.project.server.maskedHeaders = {QStringLiteral("X-Session")};
        ApiKey key;
        key.id = QStringLiteral("k1");
        key.name = QStringLiteral("partner");
        key.value = QStringLiteral("abcdefghijklmnopqrstuvwxyz012345");
        r.project.apiKeys.append(key);
        UsagePlan plan;
        plan.id = QStringLiteral("p1");
        plan.name = QStringLiteral("basic");
        plan.throttle = ThrottleSettings{10.0, 20};
        plan.quota = QuotaSettings{1000, 0, QStringLiteral("MONTH")};
        plan.apiStages.append({QStringLiteral("petstore"), QStringLiteral("dev"), {{QStringLiteral("/pets/GET"), ThrottleSettings{1.0, 2}}}});
        plan.apiKeyIds.append(QStringLiteral("k1"));
        r.project.usagePlans.append(plan);
        r.project.aws.endpoints.insert(QStringLiteral("dynamodb"), QStringLiteral("http://127.0.0.1:8000"));
        r.project.extensions.insert(QStringLiteral("x-team-notes"), QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("p")}}});
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("p.gwproj"));
        QString error;
        QVERIFY2(saveProject(r.project, file, &error), qPrintable(error));
        const LoadResult again = loadProject(file);
        QVERIFY(again.ok);
        QVERIFY(again.project == r.project);
        // Stable output: saving what was loaded gives the same bytes.
        {
            const QList<QByteArray> a = serializeProject(again.project).split('\n');
            const QList<QByteArray> b = serializeProject(r.project).split('\n');
            for (qsizetype i = 0; i < qMin(a.size(), b.size()); ++i)
                QCOMPARE(a[i], b[i]);
        }
    }

    void saveLeavesNoTemporaryFiles()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("p.gwproj"));
        Project p;
        p.apis.append(newRestApi(QStringLiteral("A")));
        QVERIFY(saveProject(p, file, nullptr));
        p.name = QStringLiteral("changed");
        QVERIFY(saveProject(p, file, nullptr));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{QStringLiteral("p.gwproj")});
        QCOMPARE(loadProject(file).project.name, QStringLiteral("changed"));
    }

    void saveToUnwritablePlaceFailsWithMessage()
    {
        QString error;
        QVERIFY(!saveProject(Project{}, QStringLiteral("/nonexistent-dir/x.gwproj"), &error));
        QVERIFY(error.contains(QLatin1String("/nonexistent-dir/x.gwproj")));
    }

    void corruptFileIsRejectedWithLineAndColumn()
    {
        const LoadResult r = parseProject("{\n  \"name\": \"x\",\n  \"apis\": [ oops ]\n}");
        QVERIFY(!r.ok);
        QCOMPARE(r.diagnostics.size(), 1);
        QVERIFY2(r.diagnostics.first().message.contains(QLatin1String("line 3")), qPrintable(r.diagnostics.first().message));
    }

    void newerSchemaIsRejected()
    {
        const LoadResult r = parseProject("{\"schemaVersion\": 99, \"apis\": []}");
        QVERIFY(!r.ok);
        QCOMPARE(r.diagnostics.first().path, QStringLiteral("schemaVersion"));
        QVERIFY(r.diagnostics.first().message.contains(QLatin1String("newer")));
    }

    void missingFileIsReported()
    {
        const LoadResult r = loadProject(QStringLiteral("/nonexistent/file.gwproj"));
        QVERIFY(!r.ok);
        QVERIFY(r.diagnostics.first().message.contains(QLatin1String("cannot read")));
    }

    void versionZeroIsMigrated()
    {
        const LoadResult r = parseProject("{\"name\": \"old\", \"port\": 8123, \"apis\": []}");
        QVERIFY(r.ok);
        QCOMPARE(r.migratedFrom, 0);
        QCOMPARE(r.project.server.port, 8123);
        QCOMPARE(r.project.server.host, QStringLiteral("127.0.0.1"));
    }

    void wrongTypesAreReportedWithTheirPath_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("path");
        QTest::newRow("port") << QByteArray(R"({"server":{"port":"x"}})") << "server.port";
        QTest::newRow("api name") << QByteArray(R"({"apis":[{"id":"a","name":5}]})") << "apis[0].name";
        QTest::newRow("integration type")
            << QByteArray(R"({"apis":[{"id":"a","name":"A","design":{"resources":[{"id":"r","path":"/","methods":{"GET":{"integration":{"type":"FTP"}}}}]}}]})")
            << "apis[0].design.resources[0].methods.GET.integration.type";
        QTest::newRow("timeout") << QByteArray(R"({"apis":[{"id":"a","name":"A","design":{"resources":[{"id":"r","path":"/","methods":{"GET":{"integration":{"type":"MOCK","timeoutInMillis":1.5}}}}]}}]})")
                                 << "apis[0].design.resources[0].methods.GET.integration.timeoutInMillis";
    }
    void wrongTypesAreReportedWithTheirPath()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, path);
        const LoadResult r = parseProject(json);
        QVERIFY(!r.ok);
        QCOMPARE(r.diagnostics.first().path, path);
    }
};

QTEST_GUILESS_MAIN(TestProjectFile)
#include "tst_projectfile.moc"
