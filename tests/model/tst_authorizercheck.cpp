#include "gateway/model/check.h"
#include "gateway/model/deployments.h"

#include <QTest>

using namespace gw::model;

// check() on authorizers as the designer's authorizer editor shows them: each problem with the
// JSON path of the field to fix.
class TestAuthorizerCheck : public QObject
{
    Q_OBJECT

    static Project valid()
    {
        Project p;
        Function f;
        f.name = QStringLiteral("auth");
        f.code = QStringLiteral("exports.handler = async () => ({});");
        p.functions = {f};
        Api api = newRestApi(QStringLiteral("A"));
        api.id = QStringLiteral("abc");
        Authorizer token;
        token.id = QStringLiteral("t1");
        token.name = QStringLiteral("token");
        token.functionName = QStringLiteral("auth");
        Authorizer pool;
        pool.id = QStringLiteral("c1");
        pool.name = QStringLiteral("pool");
        pool.type = QStringLiteral("COGNITO_USER_POOLS");
        pool.providerArns = {QStringLiteral("arn:aws:cognito-idp:us-east-1:000000000000:userpool/us-east-1_x")};
        Authorizer jwt;
        jwt.id = QStringLiteral("j1");
        jwt.name = QStringLiteral("jwt");
        jwt.type = QStringLiteral("JWT");
        jwt.issuer = QStringLiteral("https://issuer.example.com");
        api.design.authorizers = {token, pool, jwt};
        p.apis = {api};
        return p;
    }

private slots:
    void validAuthorizersHaveNoProblems() { QCOMPARE(check(valid()).size(), 0); }

    void problemsCarryTheirPath_data()
    {
        QTest::addColumn<int>("mutation");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("messagePart");
        const QString base = QStringLiteral("apis[0].design.authorizers");
        QTest::newRow("no name") << 0 << base + QStringLiteral("[0].name") << QStringLiteral("name is empty");
        QTest::newRow("lambda without target") << 1 << base + QStringLiteral("[0].functionName") << QStringLiteral("needs a project function");
        QTest::newRow("unknown function") << 2 << base + QStringLiteral("[0].functionName") << QStringLiteral("function nope does not exist");
        QTest::newRow("cognito without pool") << 3 << base + QStringLiteral("[1].providerArns") << QStringLiteral("at least one user pool ARN");
        QTest::newRow("jwt without issuer") << 4 << base + QStringLiteral("[2].issuer") << QStringLiteral("needs an issuer");
        QTest::newRow("ttl over 3600") << 5 << base + QStringLiteral("[0].resultTtlInSeconds") << QStringLiteral("between 0 and 3600");
    }

    void problemsCarryTheirPath()
    {
        QFETCH(int, mutation);
        QFETCH(QString, path);
        QFETCH(QString, messagePart);
        Project p = valid();
        auto &a = p.apis.first().design.authorizers;
        switch (mutation) {
        case 0: a[0].name.clear(); break;
        case 1: a[0].functionName.clear(); break;
        case 2: a[0].functionName = QStringLiteral("nope"); break;
        case 3: a[1].providerArns.clear(); break;
        case 4: a[2].issuer.clear(); break;
        case 5: a[0].resultTtlInSeconds = 3601; break;
        }
        const Diagnostics d = check(p);
        QVERIFY2(d.size() == 1, qPrintable(d.isEmpty() ? QStringLiteral("none") : d.first().toString()));
        QCOMPARE(d.first().path, path);
        QVERIFY2(d.first().message.contains(messagePart), qPrintable(d.first().message));
    }
};

QTEST_MAIN(TestAuthorizerCheck)
#include "tst_authorizercheck.moc"
