#include "tests/cli/support/cliprocess.h"
#include "authtestproject.h"
#include "testissuer.h"
#include "lambdatestproject.h"
#include "testproject.h"

#include "gateway/model/deployments.h"
#include "gateway/model/projectfile.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace gw::model;

// `gatewright-cli test-invoke` runs the authorizer in-process and shows its decisions in the
// execution log, with the token masked; `check` names broken authorizer settings by JSON path.
class TestAuthCli : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_cli;
    QString m_project;

    using Run = gwtest::CliRun;
    static Run run(const QStringList &args) { return gwtest::runCli(args); }

private slots:
    void initTestCase()
    {
        m_cli = gwtest::cliPath();
        QVERIFY2(QFile::exists(m_cli), qPrintable(m_cli));
        Project project;
        project.name = QStringLiteral("authcli");
        project.functions = {gwtest::jsFunction(QStringLiteral("auth"), QStringLiteral(
            "exports.handler = async (event) => {\n"
            "  if (event.authorizationToken !== 'secret-token-value') throw new Error('Unauthorized');\n"
            "  return { principalId: 'cli-user', policyDocument: { Version: '2012-10-17', Statement: [{ Action: 'execute-api:Invoke',\n"
            "    Effect: 'Allow', Resource: event.methodArn }] }, context: { role: 'tester' } };\n};"))};
        project.functions.append(gwtest::authorizerEchoFunction());
        Api api = newRestApi(QStringLiteral("Cli"));
        api.id = QStringLiteral("cliapi");
        api.design.authorizers = {gwtest::lambdaAuthorizer(QStringLiteral("au"), QStringLiteral("TOKEN"), QStringLiteral("auth"))};
        gwtest::addResource(api, QStringLiteral("/who")).methods.insert(QStringLiteral("GET"),
            gwtest::guarded(gwtest::authorizerEchoMethod(QStringLiteral("GET")), QStringLiteral("CUSTOM"), QStringLiteral("au")));
        deploy(api, QStringLiteral("dev"));
        project.apis = {api};
        m_project = m_dir.filePath(QStringLiteral("auth.gwproj"));
        QString error;
        QVERIFY2(saveProject(project, m_project, &error), qPrintable(error));
    }

    void testInvokeShowsAuthorizerTrace()
    {
        const Run r = run({QStringLiteral("test-invoke"), m_project, QStringLiteral("--stage"), QStringLiteral("dev"), QStringLiteral("--path"),
                           QStringLiteral("/who"), QStringLiteral("--header"), QStringLiteral("Authorization: secret-token-value")});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject json = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(json.value(QStringLiteral("status")).toInt(), 200);
        const QJsonObject body = QJsonDocument::fromJson(json.value(QStringLiteral("body")).toString().toUtf8()).object();
        QCOMPARE(body.value(QStringLiteral("principal")).toString(), QStringLiteral("cli-user"));
        QCOMPARE(body.value(QStringLiteral("role")).toString(), QStringLiteral("tester"));
        const QString log = json.value(QStringLiteral("log")).toString();
        QVERIFY2(log.contains(QLatin1String("Starting authorizer: au for request:")), qPrintable(log));
        QVERIFY(log.contains(QLatin1String("Endpoint request body after transformations: {\"authorizationToken\":")));
        QVERIFY(log.contains(QLatin1String("Using valid authorizer policy for principal: cli-user")));
        QVERIFY(log.contains(QLatin1String("Successfully completed authorizer execution")));
        // The token never appears in clear.
        QVERIFY2(!log.contains(QLatin1String("secret-token-value")), qPrintable(log));
    }

    void testInvokeShowsUnauthorized()
    {
        const Run r = run({QStringLiteral("test-invoke"), m_project, QStringLiteral("--stage"), QStringLiteral("dev"), QStringLiteral("--path"),
                           QStringLiteral("/who"), QStringLiteral("--header"), QStringLiteral("Authorization: wrong")});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject json = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(json.value(QStringLiteral("status")).toInt(), 401);
        const QString log = json.value(QStringLiteral("log")).toString();
        QVERIFY2(log.contains(QLatin1String("Unauthorized request: ")), qPrintable(log));
        QVERIFY(log.contains(QLatin1String("Method completed with status: 401")));
    }

    void checkNamesBrokenAuthorizers()
    {
        LoadResult loaded = loadProject(m_project);
        QVERIFY(loaded.ok);
        Project p = loaded.project;
        p.apis[0].design.authorizers[0].resultTtlInSeconds = 7200;
        p.apis[0].design.authorizers[0].identityValidationExpression = QStringLiteral("([");
        p.apis[0].design.resource(QStringLiteral("/who"))->methods[QStringLiteral("GET")].authorizerId = QStringLiteral("ghost");
        p.apis[0].design.policy = QJsonObject{{QStringLiteral("Statement"), QJsonObject{{QStringLiteral("Effect"), QStringLiteral("Allow")},
            {QStringLiteral("Action"), QStringLiteral("execute-api:Invoke")}, {QStringLiteral("Resource"), QStringLiteral("*")},
            {QStringLiteral("Condition"), QJsonObject{{QStringLiteral("IpAddress"), QJsonObject{{QStringLiteral("aws:SourceIp"), QStringLiteral("10.0.0.0/99")}}}}}}}};
        const QString broken = m_dir.filePath(QStringLiteral("broken.gwproj"));
        QString error;
        QVERIFY(saveProject(p, broken, &error));
        const Run r = run({QStringLiteral("check"), broken});
        QVERIFY(r.exitCode != 0);
        const QString all = QString::fromUtf8(r.out + r.err);
        QVERIFY2(all.contains(QLatin1String("apis[0].design.authorizers[0].resultTtlInSeconds")), qPrintable(all));
        QVERIFY(all.contains(QLatin1String("apis[0].design.authorizers[0].identityValidationExpression")));
        QVERIFY(all.contains(QLatin1String(".methods.GET.authorizerId")));
        QVERIFY(all.contains(QLatin1String("apis[0].design.policy.Statement[0].Condition.IpAddress.aws:SourceIp[0]")));
    }

    // `check` names each refused JWKS key by its JSON path with the reason: inline keys through
    // model::check(), a JWKS file named by jwksUri (relative to the project) when compiled.
    void checkNamesRefusedJwksKeys()
    {
        gwtest::TestIssuer issuer;
        issuer.addRsaKey(QStringLiteral("good"));
        issuer.addRsaKey(QStringLiteral("enc"));
        issuer.publishAs(QStringLiteral("enc"), {{QStringLiteral("use"), QStringLiteral("enc")}});
        const QJsonObject jwks = issuer.jwks();
        QJsonObject exponentOne = jwks.value(QStringLiteral("keys")).toArray().at(0).toObject();
        exponentOne.insert(QStringLiteral("kid"), QStringLiteral("e1"));
        exponentOne.insert(QStringLiteral("e"), QStringLiteral("AQ"));
        QFile file(m_dir.filePath(QStringLiteral("issuer-keys.json")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(issuer.jwksText());
        file.close();

        LoadResult loaded = loadProject(m_project);
        QVERIFY(loaded.ok);
        Project p = loaded.project;
        Authorizer inlinePool;
        inlinePool.id = QStringLiteral("inline");
        inlinePool.name = QStringLiteral("inline");
        inlinePool.type = QStringLiteral("COGNITO_USER_POOLS");
        inlinePool.providerArns = {QStringLiteral("arn:aws:cognito-idp:us-east-1:000000000000:userpool/us-east-1_x")};
        inlinePool.jwks = {{QStringLiteral("keys"), QJsonArray{jwks.value(QStringLiteral("keys")).toArray().at(0), exponentOne}}};
        Authorizer filePool = inlinePool;
        filePool.id = QStringLiteral("file");
        filePool.name = QStringLiteral("file");
        filePool.jwks = {};
        filePool.jwksUri = QStringLiteral("issuer-keys.json");
        p.apis[0].design.authorizers.append(inlinePool);
        p.apis[0].design.authorizers.append(filePool);
        const QString withKeys = m_dir.filePath(QStringLiteral("keys.gwproj"));
        QString error;
        QVERIFY(saveProject(p, withKeys, &error));
        // Run from elsewhere: the file is found next to the project, not in the working directory.
        QProcess cli;
        cli.setWorkingDirectory(QDir::tempPath());
        cli.start(m_cli, {QStringLiteral("check"), withKeys});
        QVERIFY(cli.waitForFinished(30000));
        QCOMPARE(cli.exitCode(), 1);
        const QString all = QString::fromUtf8(cli.readAllStandardOutput() + cli.readAllStandardError());
        QVERIFY2(all.contains(withKeys + QStringLiteral(":apis[0].design.authorizers[1].jwks.keys[1]: key refused: the RSA public exponent 1 is below 3")),
                 qPrintable(all));
        QVERIFY2(all.contains(withKeys + QStringLiteral(":apis[0].design.authorizers[2].jwksUri: ") + file.fileName()
                              + QStringLiteral(": keys[1]: key refused: the key's use is 'enc', not 'sig'")),
                 qPrintable(all));
        QVERIFY2(!all.contains(QLatin1String("keys[0]")), qPrintable(all));
    }
};

QTEST_GUILESS_MAIN(TestAuthCli)
#include "tst_authcli.moc"
