#include "fakeawsserver.h"
#include "gatewayclient.h"
#include "testproject.h"

#include "gateway/deploy/runtimeconfig.h"
#include "gateway/model/deployments.h"
#include "gateway/runtime/engine.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

using namespace gw::model;
using gwtest::FakeAwsServer;
using gwtest::GatewayClient;
using gwtest::Sigv4Verifier;

// AWS service integrations through the engine: DynamoDB PutItem and GetItem against the fake
// AWS server (which re-verifies every SigV4 signature on its own), credentials from the
// standard environment variables resolved at deploy time, a service error selected as a 4xx.
class TestAwsServiceViaGateway : public QObject
{
    Q_OBJECT

    FakeAwsServer m_aws{Sigv4Verifier("AKIAGATEWAYTEST", "gatewaySecret/key+1"), "us-east-1"};
    gw::runtime::Engine m_engine;
    Project m_project;
    GatewayClient m_client;

    QString url(const QString &path) const
    {
        return QStringLiteral("http://127.0.0.1:%1/restapis/dynapi/test/_user_request_%2").arg(m_engine.port()).arg(path);
    }

    static Method dynamo(const QString &verb, const QString &action, const QString &requestTemplate)
    {
        Method m = gwtest::httpMethod(verb, IntegrationType::Aws, QStringLiteral("arn:aws:apigateway:us-east-1:dynamodb:action/") + action);
        m.integration->httpMethod = QStringLiteral("POST");
        m.integration->requestTemplates.insert(QStringLiteral("application/json"), requestTemplate);
        IntegrationResponse ok;
        ok.statusCode = QStringLiteral("200");
        IntegrationResponse clientError;
        clientError.selectionPattern = QStringLiteral("4\\d{2}");
        clientError.statusCode = QStringLiteral("400");
        clientError.responseTemplates.insert(QStringLiteral("application/json"), QStringLiteral("{\"error\":\"dynamodb refused\"}"));
        m.integration->integrationResponses = {ok, clientError};
        return m;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_aws.start());
        m_aws.dynamoDb.createTable(QStringLiteral("pets"), QStringLiteral("id"));
        qputenv("AWS_ACCESS_KEY_ID", "AKIAGATEWAYTEST");
        qputenv("AWS_SECRET_ACCESS_KEY", "gatewaySecret/key+1");
        qunsetenv("AWS_SESSION_TOKEN");
        qunsetenv("AWS_PROFILE");
        m_project.aws.region = QStringLiteral("us-east-1");
        m_project.aws.endpoints.insert(QStringLiteral("dynamodb"), m_aws.url().toString());

        Api api = newRestApi(QStringLiteral("Dyn"));
        api.id = QStringLiteral("dynapi");
        auto &pet = gwtest::addResource(api, QStringLiteral("/pet"));
        pet.methods.insert(QStringLiteral("PUT"), dynamo(QStringLiteral("PUT"), QStringLiteral("PutItem"),
            QStringLiteral("{\"TableName\":\"pets\",\"Item\":{\"id\":{\"S\":\"42\"},\"name\":{\"S\":\"Rex\"}}}")));
        pet.methods.insert(QStringLiteral("GET"), dynamo(QStringLiteral("GET"), QStringLiteral("GetItem"),
            QStringLiteral("{\"TableName\":\"pets\",\"Key\":{\"id\":{\"S\":\"42\"}}}")));
        gwtest::addResource(api, QStringLiteral("/nowhere")).methods.insert(QStringLiteral("GET"),
            dynamo(QStringLiteral("GET"), QStringLiteral("GetItem"), QStringLiteral("{\"TableName\":\"missing\",\"Key\":{\"id\":{\"S\":\"1\"}}}")));
        m_project.apis.append(api);
        deploy(m_project.apis[0], QStringLiteral("test"));
        Diagnostics diagnostics;
        m_engine.deploy(gw::deploy::compile(m_project, &diagnostics));
        for (const auto &d : std::as_const(diagnostics))
            QFAIL(qPrintable(d.message));
        QVERIFY(gwtest::startOnFreePort(m_engine));
    }

    void putItemThenGetItemThroughTheGateway()
    {
        const auto put = m_client.send("PUT", url(QStringLiteral("/pet")), {{"Content-Type", "application/json"}}, "{}");
        QCOMPARE(put.status, 200);
        QCOMPARE(put.body, QByteArray("{}"));
        QCOMPARE(m_aws.dynamoDb.itemCount(QStringLiteral("pets")), 1);

        const auto get = m_client.send("GET", url(QStringLiteral("/pet")));
        QCOMPARE(get.status, 200);
        const QJsonObject item = QJsonDocument::fromJson(get.body).object().value(QStringLiteral("Item")).toObject();
        QCOMPARE(item.value(QStringLiteral("name")).toObject().value(QStringLiteral("S")).toString(), QStringLiteral("Rex"));

        QCOMPARE(m_aws.received.size(), 2);
        QCOMPARE(m_aws.received[0].header("x-amz-target"), QByteArray("DynamoDB_20120810.PutItem"));
        QCOMPARE(m_aws.received[1].header("x-amz-target"), QByteArray("DynamoDB_20120810.GetItem"));
        for (const auto &check : std::as_const(m_aws.checks)) {
            QVERIFY2(check.ok, qPrintable(check.reason));
            QCOMPARE(check.service, QByteArray("dynamodb"));
        }
    }

    void serviceErrorIsSelectedLikeAStatusCode()
    {
        const auto r = m_client.send("GET", url(QStringLiteral("/nowhere")));
        QCOMPARE(r.status, 400);
        QCOMPARE(r.body, QByteArray("{\"error\":\"dynamodb refused\"}"));
    }
};

QTEST_MAIN(TestAwsServiceViaGateway)
#include "tst_awsserviceviagateway.moc"
