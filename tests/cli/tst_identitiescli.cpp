#include "cliprocess.h"

#include "gateway/model/projectfile.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace gw::model;

// `gatewright-cli identities create|list` and `check`: identities are saved into the project file,
// listed with their secrets and session tokens masked (never in clear, not even when created),
// and bad ARNs are refused or reported with their JSON path.
class TestIdentitiesCli : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_file;

    using Run = gwtest::CliRun;
    Run run(const QStringList &args) { return gwtest::runCli(args); }

    static const QString &secret()
    {
        static const QString s = QStringLiteral("wJalrXUtnFEMI/K7MDENG/bPxRfiCYSECRET0001");
        return s;
    }

private slots:
    void initTestCase()
    {
        Project p;
        p.name = QStringLiteral("identities");
        m_file = m_dir.filePath(QStringLiteral("identities.gwproj"));
        QString error;
        QVERIFY2(saveProject(p, m_file, &error), qPrintable(error));
    }

    void createThenListMasked()
    {
        const Run created = run({QStringLiteral("identities"), QStringLiteral("create"), m_file, QStringLiteral("--name"), QStringLiteral("alice"),
                                 QStringLiteral("--access-key-id"), QStringLiteral("AKIAALICE00000000001"), QStringLiteral("--secret-access-key"),
                                 secret(), QStringLiteral("--session-token"), QStringLiteral("SessionTokenOfAlice0001"), QStringLiteral("--allow"),
                                 QStringLiteral("arn:aws:execute-api:us-east-1:*:abc/*/GET/*"), QStringLiteral("--deny"),
                                 QStringLiteral("arn:aws:execute-api:*:*:abc/prod/*")});
        QVERIFY2(created.exitCode == 0, created.err.constData());
        QVERIFY(!created.out.contains(secret().toUtf8()));
        QVERIFY(!created.out.contains("SessionTokenOfAlice0001"));
        // A generated key pair is saved too, and its secret is not shown either.
        const Run generated = run({QStringLiteral("identities"), QStringLiteral("create"), m_file, QStringLiteral("--allow"), QStringLiteral("*")});
        QVERIFY2(generated.exitCode == 0, generated.err.constData());

        std::optional<Project> saved = loadProject(m_file).project;
        QVERIFY(saved);
        QCOMPARE(saved->iamIdentities.size(), 2);
        QCOMPARE(saved->iamIdentities[0].secretAccessKey, secret());
        QCOMPARE(saved->iamIdentities[0].deny, QStringList{QStringLiteral("arn:aws:execute-api:*:*:abc/prod/*")});
        const IamIdentity &made = saved->iamIdentities[1];
        QVERIFY(made.accessKeyId.startsWith(QLatin1String("AKIA")) && made.accessKeyId.size() == 20);
        QCOMPARE(made.secretAccessKey.size(), 40);
        QVERIFY(!generated.out.contains(made.secretAccessKey.toUtf8()));

        const Run listed = run({QStringLiteral("identities"), QStringLiteral("list"), m_file, QStringLiteral("--json")});
        QCOMPARE(listed.exitCode, 0);
        const QJsonArray list = QJsonDocument::fromJson(listed.out).array();
        QCOMPARE(list.size(), 2);
        QCOMPARE(list[0][QStringLiteral("accessKeyId")].toString(), QStringLiteral("AKIAALICE00000000001"));
        QCOMPARE(list[0][QStringLiteral("secretAccessKey")].toString(), QStringLiteral("wJal****"));
        QCOMPARE(list[0][QStringLiteral("sessionToken")].toString(), QStringLiteral("Sess****"));
        QCOMPARE(list[0][QStringLiteral("name")].toString(), QStringLiteral("alice"));
        const Run table = run({QStringLiteral("identities"), QStringLiteral("list"), m_file});
        QCOMPARE(table.exitCode, 0);
        QVERIFY(table.out.contains("AKIAALICE00000000001\talice\twJal****\tSess****\t"));
        for (const Run *r : {&listed, &table}) {
            QVERIFY(!r->out.contains(secret().toUtf8()));
            QVERIFY(!r->out.contains(made.secretAccessKey.toUtf8()));
            QVERIFY(!r->out.contains("SessionTokenOfAlice0001"));
        }
    }

    void badIdentityIsRefusedAndFileUntouched()
    {
        QFile before(m_file);
        QVERIFY(before.open(QIODevice::ReadOnly));
        const QByteArray original = before.readAll();
        before.close();
        const Run r = run({QStringLiteral("identities"), QStringLiteral("create"), m_file, QStringLiteral("--access-key-id"),
                           QStringLiteral("AKIAALICE00000000001"), QStringLiteral("--allow"), QStringLiteral("arn:aws:s3:::bucket")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("iamIdentities[2].accessKeyId: access key id AKIAALICE00000000001 is already used by iamIdentities[0]"), r.err.constData());
        QVERIFY2(r.err.contains("iamIdentities[2].allow[0]: 'arn:aws:s3:::bucket' is not an execute-api ARN"), r.err.constData());
        QFile after(m_file);
        QVERIFY(after.open(QIODevice::ReadOnly));
        QCOMPARE(after.readAll(), original);
    }

    void checkReportsPathsWithoutSecrets()
    {
        QFile file(m_file);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QJsonObject json = QJsonDocument::fromJson(file.readAll()).object();
        file.close();
        QJsonArray identities = json.value(QStringLiteral("iamIdentities")).toArray();
        QJsonObject first = identities[0].toObject();
        first.insert(QStringLiteral("allow"), QJsonArray{QStringLiteral("arn:aws:execute-api:us-east-1:12:abc/*")});
        identities[0] = first;
        QJsonObject second = identities[1].toObject();
        second.remove(QStringLiteral("secretAccessKey"));
        identities[1] = second;
        json.insert(QStringLiteral("iamIdentities"), identities);
        const QString broken = m_dir.filePath(QStringLiteral("broken.gwproj"));
        QFile out(broken);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(QJsonDocument(json).toJson());
        out.close();
        const Run r = run({QStringLiteral("check"), broken});
        QVERIFY(r.exitCode != 0);
        const QByteArray all = r.out + r.err;
        QVERIFY2(all.contains("broken.gwproj:iamIdentities[0].allow[0]: 'arn:aws:execute-api:us-east-1:12:abc/*' is not an execute-api ARN: "
                              "account '12' is not 12 digits"), all.constData());
        QVERIFY2(all.contains("broken.gwproj:iamIdentities[1].secretAccessKey: secret access key is empty"), all.constData());
        QVERIFY(!all.contains(secret().toUtf8()));
        QVERIFY(!all.contains("SessionTokenOfAlice0001"));
    }
};

QTEST_GUILESS_MAIN(TestIdentitiesCli)
#include "tst_identitiescli.moc"
