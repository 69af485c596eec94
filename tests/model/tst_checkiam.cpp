#include "gateway/model/check.h"
#include "gateway/model/checkiam.h"
#include "gateway/model/projectjson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace gw::model;

// The project's IAM identities: JSON load/save (stable, defaults left out) and check()'s
// diagnostics with their JSON paths; no diagnostic ever quotes a secret.
class TestCheckIam : public QObject
{
    Q_OBJECT

    static IamIdentity identity(const QString &keyId, const QString &secret)
    {
        IamIdentity i;
        i.accessKeyId = keyId;
        i.secretAccessKey = secret;
        i.allow = {QStringLiteral("arn:aws:execute-api:us-east-1:000000000000:abc/*/GET/*")};
        return i;
    }

    static Project valid()
    {
        Project p;
        IamIdentity alice = identity(QStringLiteral("AKIAALICE00000000001"), QStringLiteral("alice-secret-0123456789"));
        alice.name = QStringLiteral("alice");
        alice.description = QStringLiteral("reads pets");
        alice.sessionToken = QStringLiteral("session-token-of-alice");
        alice.deny = {QStringLiteral("arn:aws:execute-api:*:*:abc/prod/DELETE/*")};
        p.iamIdentities = {alice, identity(QStringLiteral("AKIABOB0000000000002"), QStringLiteral("bob-secret-0123456789"))};
        return p;
    }

    static Diagnostics diagnosticsAt(const Project &p, const QString &path)
    {
        Diagnostics out;
        for (const Diagnostic &d : check(p))
            if (d.path == path)
                out.append(d);
        return out;
    }

private slots:
    void validIdentitiesHaveNoProblems() { QCOMPARE(check(valid()), Diagnostics{}); }

    void jsonRoundTripKeepsEveryField()
    {
        const Project p = valid();
        const QJsonObject json = toJson(p);
        Diagnostics d;
        QCOMPARE(projectFromJson(json, &d), p);
        QVERIFY(d.isEmpty());
        // The section is typed, not an extension, and an identity without extras stays small.
        QVERIFY(!projectFromJson(json, &d).extensions.contains(QStringLiteral("iamIdentities")));
        const QJsonObject bob = json.value(QStringLiteral("iamIdentities")).toArray().at(1).toObject();
        QCOMPARE(bob.keys(), (QStringList{QStringLiteral("accessKeyId"), QStringLiteral("allow"), QStringLiteral("secretAccessKey")}));
        // Saving twice writes the same bytes (stable key order).
        QCOMPARE(QJsonDocument(toJson(projectFromJson(json, &d))).toJson(), QJsonDocument(json).toJson());
    }

    void wrongTypesAreReportedWithTheirPath()
    {
        QJsonObject json = toJson(valid());
        QJsonArray identities = json.value(QStringLiteral("iamIdentities")).toArray();
        QJsonObject first = identities[0].toObject();
        first.insert(QStringLiteral("allow"), 7);
        identities[0] = first;
        json.insert(QStringLiteral("iamIdentities"), identities);
        Diagnostics d;
        projectFromJson(json, &d);
        QCOMPARE(d.size(), 1);
        QCOMPARE(d[0].path, QStringLiteral("iamIdentities[0].allow"));
    }

    void problemsCarryTheirPath_data()
    {
        QTest::addColumn<int>("mutation");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("messagePart");
        QTest::newRow("missing key id") << 0 << QStringLiteral("iamIdentities[1].accessKeyId") << QStringLiteral("access key id is empty");
        QTest::newRow("missing secret") << 1 << QStringLiteral("iamIdentities[1].secretAccessKey") << QStringLiteral("secret access key is empty");
        QTest::newRow("duplicate key id") << 2 << QStringLiteral("iamIdentities[1].accessKeyId")
                                          << QStringLiteral("AKIAALICE00000000001 is already used by iamIdentities[0]");
        QTest::newRow("not an arn") << 3 << QStringLiteral("iamIdentities[0].allow[0]") << QStringLiteral("an ARN starts with arn:");
        QTest::newRow("other service") << 4 << QStringLiteral("iamIdentities[0].allow[0]") << QStringLiteral("service 's3' is not execute-api");
        QTest::newRow("bad account") << 5 << QStringLiteral("iamIdentities[0].deny[0]") << QStringLiteral("account '1234' is not 12 digits");
        QTest::newRow("bad method") << 6 << QStringLiteral("iamIdentities[0].allow[0]") << QStringLiteral("'FETCH' is not an HTTP method");
        QTest::newRow("too few parts") << 7 << QStringLiteral("iamIdentities[0].allow[0]") << QStringLiteral("expected arn:aws:execute-api:");
        QTest::newRow("no api id") << 8 << QStringLiteral("iamIdentities[0].allow[0]") << QStringLiteral("no API id");
        QTest::newRow("bad user name") << 9 << QStringLiteral("iamIdentities[0].name") << QStringLiteral("IAM user names");
        QTest::newRow("slash in key id") << 10 << QStringLiteral("iamIdentities[1].accessKeyId") << QStringLiteral("cannot carry");
    }

    void problemsCarryTheirPath()
    {
        QFETCH(int, mutation);
        QFETCH(QString, path);
        QFETCH(QString, messagePart);
        Project p = valid();
        IamIdentity &alice = p.iamIdentities[0];
        IamIdentity &bob = p.iamIdentities[1];
        switch (mutation) {
        case 0: bob.accessKeyId.clear(); break;
        case 1: bob.secretAccessKey.clear(); break;
        case 2: bob.accessKeyId = alice.accessKeyId; break;
        case 3: alice.allow = {QStringLiteral("abc/*/GET/*")}; break;
        case 4: alice.allow = {QStringLiteral("arn:aws:s3:us-east-1:000000000000:bucket/key")}; break;
        case 5: alice.deny = {QStringLiteral("arn:aws:execute-api:us-east-1:1234:abc/*")}; break;
        case 6: alice.allow = {QStringLiteral("arn:aws:execute-api:us-east-1:000000000000:abc/dev/FETCH/pets")}; break;
        case 7: alice.allow = {QStringLiteral("arn:aws:execute-api:us-east-1")}; break;
        case 8: alice.allow = {QStringLiteral("arn:aws:execute-api:us-east-1:000000000000:/dev/GET/pets")}; break;
        case 9: alice.name = QStringLiteral("alice smith"); break;
        case 10: bob.accessKeyId = QStringLiteral("AKIA/BOB000000000002"); break;
        }
        const Diagnostics found = diagnosticsAt(p, path);
        QVERIFY2(found.size() == 1, qPrintable(QStringLiteral("%1 diagnostics at %2").arg(found.size()).arg(path)));
        QCOMPARE(found[0].severity, Diagnostic::Severity::Error);
        QVERIFY2(found[0].message.contains(messagePart), qPrintable(found[0].message));
        for (const Diagnostic &d : check(p)) {
            QVERIFY(!d.message.contains(QLatin1String("secret-0123456789")));
            QVERIFY(!d.message.contains(QLatin1String("session-token-of-alice")));
        }
    }

    void wildcardArnsAreWellFormed_data()
    {
        QTest::addColumn<QString>("arn");
        QTest::newRow("everything") << QStringLiteral("*");
        QTest::newRow("any region and account") << QStringLiteral("arn:aws:execute-api:*:*:*");
        QTest::newRow("question marks") << QStringLiteral("arn:aws:execute-api:us-east-?:00000000000?:abc/d?v/GET/pets/*");
        QTest::newRow("any method") << QStringLiteral("arn:aws:execute-api:us-east-1:000000000000:abc/dev/*/pets");
        QTest::newRow("http api default stage") << QStringLiteral("arn:aws:execute-api:us-east-1:000000000000:abc/$default/GET/");
        QTest::newRow("china partition") << QStringLiteral("arn:aws-cn:execute-api:cn-north-1:000000000000:abc/*");
    }

    void wildcardArnsAreWellFormed()
    {
        QFETCH(QString, arn);
        QCOMPARE(checkExecuteApiArn(arn), QString());
    }

    void identityWithoutAllowIsAWarning()
    {
        Project p = valid();
        p.iamIdentities[1].allow.clear();
        const Diagnostics found = diagnosticsAt(p, QStringLiteral("iamIdentities[1].allow"));
        QCOMPARE(found.size(), 1);
        QCOMPARE(found[0].severity, Diagnostic::Severity::Warning);
        QVERIFY(!hasErrors(check(p)));
    }
};

QTEST_GUILESS_MAIN(TestCheckIam)
#include "tst_checkiam.moc"
