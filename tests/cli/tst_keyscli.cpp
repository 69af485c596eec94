#include "cliprocess.h"

#include "gateway/model/deployments.h"
#include "gateway/model/projectfile.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace gw::model;

// `gatewright-cli keys create|list`: a generated key is saved into the project file, listed
// masked with its plan and quota; bad input is refused without touching the file.
class TestKeysCli : public QObject
{
    Q_OBJECT

    QString m_cli;
    QTemporaryDir m_dir;
    QString m_file;

    using Run = gwtest::CliRun;
    Run run(const QStringList &args) { return gwtest::runCli(args); }

private slots:
    void initTestCase()
    {
        m_cli = qEnvironmentVariable("GW_CLI", QStringLiteral(GW_BINARY_DIR "/app/cli/gatewright-cli"));
        QVERIFY2(QFile::exists(m_cli), qPrintable(m_cli));
        Project p;
        p.name = QStringLiteral("keys");
        Api api = newRestApi(QStringLiteral("A"));
        api.id = QStringLiteral("abc");
        deploy(api, QStringLiteral("dev"));
        p.apis.append(api);
        UsagePlan plan;
        plan.id = QStringLiteral("gold");
        plan.name = QStringLiteral("Gold");
        plan.apiStages = {{QStringLiteral("abc"), QStringLiteral("dev"), {}}};
        plan.quota = QuotaSettings{500, 0, QStringLiteral("DAY")};
        p.usagePlans.append(plan);
        m_file = m_dir.filePath(QStringLiteral("keys.gwproj"));
        QString error;
        QVERIFY2(saveProject(p, m_file, &error), qPrintable(error));
    }

    void createThenList()
    {
        const Run created = run({QStringLiteral("keys"), QStringLiteral("create"), m_file, QStringLiteral("--name"),
                                 QStringLiteral("ci"), QStringLiteral("--plan"), QStringLiteral("gold")});
        QVERIFY2(created.exitCode == 0, created.err.constData());
        const QJsonObject key = QJsonDocument::fromJson(created.out).object();
        const QString value = key.value(QStringLiteral("value")).toString();
        QVERIFY2(QRegularExpression(QStringLiteral("^[A-Za-z0-9]{40}$")).match(value).hasMatch(), created.out.constData());

        const LoadResult loaded = loadProject(m_file);
        QVERIFY(loaded.ok);
        QCOMPARE(loaded.project.apiKeys.size(), 1);
        QCOMPARE(loaded.project.apiKeys[0].value, value);
        QCOMPARE(loaded.project.usagePlans[0].apiKeyIds, QStringList{key.value(QStringLiteral("id")).toString()});

        const Run listed = run({QStringLiteral("keys"), QStringLiteral("list"), m_file, QStringLiteral("--json")});
        QCOMPARE(listed.exitCode, 0);
        QVERIFY(!listed.out.contains(value.toLatin1()));
        const QJsonObject entry = QJsonDocument::fromJson(listed.out).array().first().toObject();
        QCOMPARE(entry.value(QStringLiteral("value")).toString(), value.left(4) + QStringLiteral("****"));
        const QJsonObject plan = entry.value(QStringLiteral("usagePlans")).toArray().first().toObject();
        QCOMPARE(plan.value(QStringLiteral("id")).toString(), QStringLiteral("gold"));
        QCOMPARE(plan.value(QStringLiteral("quota")).toObject().value(QStringLiteral("remaining")).toInt(), 500);

        const Run table = run({QStringLiteral("keys"), QStringLiteral("list"), m_file});
        QCOMPARE(table.exitCode, 0);
        QVERIFY2(table.out.contains(QByteArray("\tci\t" + value.left(4).toLatin1() + "****\tyes\tgold\t500/DAY")), table.out.constData());
    }

    void badInputIsRefusedAndTheFileKept()
    {
        QFile f(m_file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray before = f.readAll();
        f.close();
        Run r = run({QStringLiteral("keys"), QStringLiteral("create"), m_file, QStringLiteral("--name"), QStringLiteral("x"),
                     QStringLiteral("--value"), QStringLiteral("short")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("apiKeys[1].value: API key values are 20 to 128 letters or digits"), r.err.constData());
        r = run({QStringLiteral("keys"), QStringLiteral("create"), m_file, QStringLiteral("--name"), QStringLiteral("x"),
                 QStringLiteral("--plan"), QStringLiteral("nope")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains("usage plan nope does not exist"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), before);
        QCOMPARE(run({QStringLiteral("keys"), QStringLiteral("frobnicate")}).exitCode, 2);
    }
};

QTEST_MAIN(TestKeysCli)
#include "tst_keyscli.moc"
