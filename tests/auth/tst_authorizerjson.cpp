#include "authtestproject.h"
#include "testproject.h"

#include "gateway/model/check.h"
#include "gateway/model/deployments.h"
#include "gateway/model/projectfile.h"

#include <QJsonArray>
#include <QTest>

using namespace gw::model;

// Authorizers, method authorization settings and resource policies survive a save/load round
// trip exactly, and check() names broken settings by their JSON path.
class TestAuthorizerJson : public QObject
{
    Q_OBJECT

    static Project sample()
    {
        Project p;
        p.name = QStringLiteral("authjson");
        Api api = newRestApi(QStringLiteral("A"));
        api.id = QStringLiteral("a1");
        Authorizer token = gwtest::lambdaAuthorizer(QStringLiteral("t1"), QStringLiteral("TOKEN"), QStringLiteral("fn"), 60);
        token.identityValidationExpression = QStringLiteral("^Bearer .+$");
        token.authorizerUri = QStringLiteral("http://127.0.0.1:9000/authorize");
        Authorizer request = gwtest::lambdaAuthorizer(QStringLiteral("r1"), QStringLiteral("REQUEST"), QStringLiteral("fn"), 0,
                                                      QStringLiteral("$request.header.X, $context.identity.sourceIp"));
        request.payloadFormatVersion = QStringLiteral("2.0");
        request.enableSimpleResponses = true;
        Authorizer pool;
        pool.id = QStringLiteral("c1");
        pool.name = QStringLiteral("pool");
        pool.type = QStringLiteral("COGNITO_USER_POOLS");
        pool.providerArns = {QStringLiteral("arn:aws:cognito-idp:us-east-1:1:userpool/us-east-1_x")};
        pool.jwksUri = QStringLiteral("keys/jwks.json");
        Authorizer jwt;
        jwt.id = QStringLiteral("j1");
        jwt.name = QStringLiteral("jwt");
        jwt.type = QStringLiteral("JWT");
        jwt.issuer = QStringLiteral("https://issuer.example");
        jwt.audience = {QStringLiteral("a"), QStringLiteral("b")};
        jwt.jwks = QJsonObject{{QStringLiteral("keys"), QJsonArray{}}};
        api.design.authorizers = {token, request, pool, jwt};
        api.design.policy = QJsonObject{{QStringLiteral("Version"), QStringLiteral("2012-10-17")},
                                        {QStringLiteral("Statement"), QJsonArray{QJsonObject{{QStringLiteral("Effect"), QStringLiteral("Deny")},
                                                                                             {QStringLiteral("Principal"), QStringLiteral("*")},
                                                                                             {QStringLiteral("Action"), QStringLiteral("execute-api:Invoke")},
                                                                                             {QStringLiteral("Resource"), QStringLiteral("execute-api:/*")}}}}};
        gwtest::addResource(api, QStringLiteral("/x")).methods.insert(QStringLiteral("GET"),
            gwtest::guarded(gwtest::mockMethod(QStringLiteral("GET"), 200, QStringLiteral("{}")), QStringLiteral("COGNITO_USER_POOLS"),
                            QStringLiteral("c1"), {QStringLiteral("read"), QStringLiteral("write")}));
        p.apis = {api};
        return p;
    }

private slots:
    void roundTripIsExact()
    {
        const Project p = sample();
        const QByteArray text = serializeProject(p);
        const LoadResult back = parseProject(text);
        QVERIFY(back.ok);
        QCOMPARE(back.project.apis[0].design.authorizers, p.apis[0].design.authorizers);
        QCOMPARE(back.project.apis[0].design.policy, p.apis[0].design.policy);
        QVERIFY(back.project == p);
        QCOMPARE(serializeProject(back.project), text);
        QVERIFY(text.contains("\"authorizerPayloadFormatVersion\": \"2.0\""));
        QVERIFY(text.contains("\"enableSimpleResponses\": true"));
    }

    void sampleChecksClean()
    {
        const Diagnostics d = check(sample());
        for (const Diagnostic &x : d)
            QVERIFY2(x.severity != Diagnostic::Severity::Error, qPrintable(x.toString()));
    }

    void brokenSettingsHavePaths_data()
    {
        QTest::addColumn<int>("which");
        QTest::addColumn<QString>("path");
        QTest::newRow("ttl") << 0 << QStringLiteral("apis[0].design.authorizers[0].resultTtlInSeconds");
        QTest::newRow("regex") << 1 << QStringLiteral("apis[0].design.authorizers[0].identityValidationExpression");
        QTest::newRow("identity source") << 2 << QStringLiteral("apis[0].design.authorizers[1].identitySource");
        QTest::newRow("payload version") << 3 << QStringLiteral("apis[0].design.authorizers[1].authorizerPayloadFormatVersion");
        QTest::newRow("unknown authorizer") << 4 << QStringLiteral("apis[0].design.resources[1].methods.GET.authorizerId");
        QTest::newRow("type") << 5 << QStringLiteral("apis[0].design.authorizers[3].type");
        QTest::newRow("duplicate id") << 6 << QStringLiteral("apis[0].design.authorizers[1].id");
        QTest::newRow("policy effect") << 7 << QStringLiteral("apis[0].design.policy.Statement[0].Effect");
    }

    void brokenSettingsHavePaths()
    {
        QFETCH(int, which);
        QFETCH(QString, path);
        Project p = sample();
        ApiDefinition &def = p.apis[0].design;
        switch (which) {
        case 0: def.authorizers[0].resultTtlInSeconds = -1; break;
        case 1: def.authorizers[0].identityValidationExpression = QStringLiteral("(unclosed"); break;
        case 2: def.authorizers[1].identitySource = QStringLiteral("method.request.path.id"); break;
        case 3: def.authorizers[1].payloadFormatVersion = QStringLiteral("3.0"); break;
        case 4: def.resource(QStringLiteral("/x"))->methods[QStringLiteral("GET")].authorizerId = QStringLiteral("nope"); break;
        case 5: def.authorizers[3].type = QStringLiteral("OAUTH"); break;
        case 6: def.authorizers[1].id = def.authorizers[0].id; break;
        case 7: {
            QJsonObject s = def.policy.value(QStringLiteral("Statement")).toArray().at(0).toObject();
            s.insert(QStringLiteral("Effect"), QStringLiteral("Maybe"));
            def.policy.insert(QStringLiteral("Statement"), QJsonArray{s});
            break;
        }
        }
        const Diagnostics d = check(p);
        bool found = false;
        for (const Diagnostic &x : d)
            found = found || (x.path == path && x.severity == Diagnostic::Severity::Error);
        QVERIFY2(found, qPrintable(d.isEmpty() ? QStringLiteral("no diagnostics") : d.first().toString()));
    }
};

QTEST_GUILESS_MAIN(TestAuthorizerJson)
#include "tst_authorizerjson.moc"
