#include "support/fakeawsserver.h"

#include "gateway/aws/servicerequestbuilder.h"
#include "gateway/aws/serviceresponsemapper.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>

using namespace gw;
using namespace gw::aws;
using namespace gwtest;

namespace {

const QString kRegion = QStringLiteral("eu-central-1");
const QString kMachine = QStringLiteral("arn:aws:states:eu-central-1:123456789012:stateMachine:orders");
const QString kTopic = QStringLiteral("arn:aws:sns:eu-central-1:123456789012:alerts");

AwsCredentials credentials(const QString &secret = QStringLiteral("testSecretKey/with+chars"),
                           const QString &token = {})
{
    return {QStringLiteral("AKIATESTINTEGRATION"), secret, token, QStringLiteral("test")};
}

struct Exchange
{
    int status = 0;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QByteArray body;
    AwsServiceOutcome outcome;

    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
};

} // namespace

class TestAwsServiceIntegration : public QObject
{
    Q_OBJECT

    std::unique_ptr<FakeAwsServer> m_server;
    QNetworkAccessManager m_network;

    ServiceEndpoints endpoints() const
    {
        ServiceEndpoints e;
        e.setEndpoint(QStringLiteral("dynamodb"), m_server->url());
        e.setDefaultEndpoint(m_server->url());  // states and sns, as LocalStack would serve them
        return e;
    }

    // build → send → map, as the integration phase will.
    Exchange call(const AwsIntegrationRequest &request, const AwsCredentials &signWith = credentials())
    {
        const AwsWireRequest wire = ServiceRequestBuilder(signWith, endpoints()).build(request);
        Exchange exchange;
        if (!wire.ok()) {
            exchange.outcome = ServiceResponseMapper::fromBuildError(wire.error);
            return exchange;
        }
        QNetworkRequest networkRequest(wire.url);
        for (const auto &[name, value] : wire.headers)
            networkRequest.setRawHeader(name, value);
        QNetworkReply *reply = m_network.sendCustomRequest(networkRequest, wire.method, wire.body);
        QSignalSpy finished(reply, &QNetworkReply::finished);
        if (!finished.wait(10000))
            qWarning("no answer from the fake AWS server");
        exchange.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        exchange.error = reply->error();
        exchange.body = reply->readAll();
        HeaderList headers;
        for (const auto &[name, value] : reply->rawHeaderPairs())
            headers.append(name, value);
        if (exchange.status > 0) {
            exchange.outcome = ServiceResponseMapper::fromResponse(wire.service, exchange.status, headers, exchange.body);
        } else {
            const auto failure = reply->error() == QNetworkReply::ConnectionRefusedError
                ? ServiceResponseMapper::TransportFailure::ConnectionRefused
                : ServiceResponseMapper::TransportFailure::Other;
            exchange.outcome = ServiceResponseMapper::fromTransportFailure(failure, reply->errorString());
        }
        reply->deleteLater();
        return exchange;
    }

    static AwsIntegrationRequest action(const QString &service, const QString &name, const QJsonObject &body)
    {
        AwsIntegrationRequest request;
        request.uri = QStringLiteral("arn:aws:apigateway:%1:%2:action/%3").arg(kRegion, service, name);
        request.httpMethod = "POST";
        request.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
        return request;
    }

    static QJsonObject s(const QString &value) { return {{QStringLiteral("S"), value}}; }

    void verifyAllSignaturesPassed()
    {
        QVERIFY(!m_server->checks.isEmpty());
        for (const SignatureCheck &check : std::as_const(m_server->checks))
            QVERIFY2(check.ok, qPrintable(check.reason));
    }

private slots:
    void initTestCase() { m_network.setProxy(QNetworkProxy::NoProxy); }

    void init()
    {
        m_server = std::make_unique<FakeAwsServer>(
            Sigv4Verifier("AKIATESTINTEGRATION", "testSecretKey/with+chars"), kRegion.toUtf8());
        QVERIFY(m_server->start());
        m_server->dynamoDb.createTable(QStringLiteral("orders"), QStringLiteral("customer"), QStringLiteral("id"));
        m_server->stepFunctions.createStateMachine(kMachine);
        m_server->sns.createTopic(kTopic);
    }

    void dynamoDbPutItemThenGetItemReturnsTheItem()
    {
        const QJsonObject item{{QStringLiteral("customer"), s(QStringLiteral("ann"))},
                               {QStringLiteral("id"), s(QStringLiteral("o-1"))},
                               {QStringLiteral("note"), s(QStringLiteral("naïve café & co"))}};
        const Exchange put = call(action(QStringLiteral("dynamodb"), QStringLiteral("PutItem"),
                                         {{QStringLiteral("TableName"), QStringLiteral("orders")}, {QStringLiteral("Item"), item}}));
        QCOMPARE(put.status, 200);
        QCOMPARE(put.json(), QJsonObject());
        QCOMPARE(m_server->dynamoDb.itemCount(QStringLiteral("orders")), 1);

        const QJsonObject key{{QStringLiteral("customer"), s(QStringLiteral("ann"))}, {QStringLiteral("id"), s(QStringLiteral("o-1"))}};
        const Exchange get = call(action(QStringLiteral("dynamodb"), QStringLiteral("GetItem"),
                                         {{QStringLiteral("TableName"), QStringLiteral("orders")}, {QStringLiteral("Key"), key}}));
        QCOMPARE(get.status, 200);
        QCOMPARE(get.json().value(QStringLiteral("Item")).toObject(), item);
        verifyAllSignaturesPassed();
    }

    void dynamoDbQueryFindsItemsByPartitionKey()
    {
        for (const char *id : {"o-1", "o-2"}) {
            const QJsonObject item{{QStringLiteral("customer"), s(QStringLiteral("bob"))}, {QStringLiteral("id"), s(QString::fromLatin1(id))}};
            QCOMPARE(call(action(QStringLiteral("dynamodb"), QStringLiteral("PutItem"),
                                 {{QStringLiteral("TableName"), QStringLiteral("orders")}, {QStringLiteral("Item"), item}})).status, 200);
        }
        const Exchange query = call(action(QStringLiteral("dynamodb"), QStringLiteral("Query"), {
            {QStringLiteral("TableName"), QStringLiteral("orders")},
            {QStringLiteral("KeyConditionExpression"), QStringLiteral("#c = :c")},
            {QStringLiteral("ExpressionAttributeNames"), QJsonObject{{QStringLiteral("#c"), QStringLiteral("customer")}}},
            {QStringLiteral("ExpressionAttributeValues"), QJsonObject{{QStringLiteral(":c"), s(QStringLiteral("bob"))}}}}));
        QCOMPARE(query.status, 200);
        QCOMPARE(query.json().value(QStringLiteral("Count")).toInt(), 2);
        QCOMPARE(query.json().value(QStringLiteral("Items")).toArray().size(), 2);
        verifyAllSignaturesPassed();
    }

    void dynamoDbErrorsKeepStatus400AndType()
    {
        const Exchange missing = call(action(QStringLiteral("dynamodb"), QStringLiteral("GetItem"),
                                             {{QStringLiteral("TableName"), QStringLiteral("nosuch")}}));
        QCOMPARE(missing.status, 400);
        QVERIFY(missing.outcome.serviceError);
        QCOMPARE(missing.outcome.status, 400);
        QCOMPARE(missing.outcome.errorType, QStringLiteral("ResourceNotFoundException"));
        QCOMPARE(missing.outcome.errorMessage, QStringLiteral("Requested resource not found"));
        verifyAllSignaturesPassed();
    }

    void stepFunctionsStartExecutionAndStartSyncExecution()
    {
        const QJsonObject start{{QStringLiteral("stateMachineArn"), kMachine}, {QStringLiteral("input"), QStringLiteral("{\"order\":1}")}};
        const Exchange async = call(action(QStringLiteral("states"), QStringLiteral("StartExecution"), start));
        QCOMPARE(async.status, 200);
        QVERIFY(async.json().value(QStringLiteral("executionArn")).toString().contains(QStringLiteral(":execution:orders:")));

        const Exchange sync = call(action(QStringLiteral("states"), QStringLiteral("StartSyncExecution"), start));
        QCOMPARE(sync.status, 200);
        QCOMPARE(sync.json().value(QStringLiteral("status")).toString(), QStringLiteral("SUCCEEDED"));
        QCOMPARE(sync.json().value(QStringLiteral("output")).toString(), QStringLiteral("{\"order\":1}"));
        QCOMPARE(m_server->stepFunctions.executionCount(), 2);

        const Exchange unknown = call(action(QStringLiteral("states"), QStringLiteral("StartExecution"),
                                             {{QStringLiteral("stateMachineArn"), QString(kMachine + QStringLiteral("x"))}}));
        QCOMPARE(unknown.outcome.status, 400);
        QCOMPARE(unknown.outcome.errorType, QStringLiteral("StateMachineDoesNotExist"));
        verifyAllSignaturesPassed();
    }

    void snsPublishFromQueryMappingsAnswersXml()
    {
        AwsIntegrationRequest request;
        request.uri = QStringLiteral("arn:aws:apigateway:%1:sns:action/Publish").arg(kRegion);
        request.httpMethod = "POST";
        request.query = {{QStringLiteral("TopicArn"), kTopic}, {QStringLiteral("Message"), QStringLiteral("disk 95% full; a+b=c")}};
        const Exchange publish = call(request);
        QCOMPARE(publish.status, 200);
        QVERIFY(publish.body.contains("<PublishResponse"));
        QVERIFY(publish.body.contains("<MessageId>"));
        QCOMPARE(m_server->sns.published(), QStringList{QStringLiteral("disk 95% full; a+b=c")});
        verifyAllSignaturesPassed();
    }

    void snsPublishFromFormTemplate()
    {
        AwsIntegrationRequest request;
        request.uri = QStringLiteral("arn:aws:apigateway:%1:sns:action/Publish").arg(kRegion);
        request.httpMethod = "POST";
        request.body = "TopicArn=" + QUrl::toPercentEncoding(kTopic) + "&Message=" + QUrl::toPercentEncoding(QStringLiteral("hello world"));
        const Exchange publish = call(request);
        QCOMPARE(publish.status, 200);
        QCOMPARE(m_server->sns.published(), QStringList{QStringLiteral("hello world")});

        request.body = "TopicArn=" + QUrl::toPercentEncoding(kTopic);
        const Exchange invalid = call(request);
        QCOMPARE(invalid.outcome.status, 400);
        QCOMPARE(invalid.outcome.errorType, QStringLiteral("InvalidParameter"));
        verifyAllSignaturesPassed();
    }

    void wrongSecretIsRejectedByTheIndependentCheck()
    {
        const Exchange rejected = call(action(QStringLiteral("dynamodb"), QStringLiteral("GetItem"),
                                              {{QStringLiteral("TableName"), QStringLiteral("orders")}}),
                                       credentials(QStringLiteral("not-the-secret")));
        QCOMPARE(rejected.status, 403);
        QCOMPARE(rejected.outcome.errorType, QStringLiteral("InvalidSignatureException"));
        QCOMPARE(m_server->checks.size(), 1);
        QVERIFY(!m_server->checks.first().ok);
        QVERIFY(m_server->checks.first().reason.contains(QStringLiteral("signature mismatch")));
    }

    void sessionTokenReachesTheService()
    {
        m_server = std::make_unique<FakeAwsServer>(
            Sigv4Verifier("AKIATESTINTEGRATION", "testSecretKey/with+chars", "session-token=="), kRegion.toUtf8());
        QVERIFY(m_server->start());
        m_server->sns.createTopic(kTopic);
        AwsIntegrationRequest request;
        request.uri = QStringLiteral("arn:aws:apigateway:%1:sns:action/Publish").arg(kRegion);
        request.httpMethod = "POST";
        request.query = {{QStringLiteral("TopicArn"), kTopic}, {QStringLiteral("Message"), QStringLiteral("m")}};
        QCOMPARE(call(request, credentials(QStringLiteral("testSecretKey/with+chars"), QStringLiteral("session-token=="))).status, 200);
        QCOMPARE(call(request).status, 403);  // same keys without the token
        QVERIFY(m_server->checks.last().reason.contains(QStringLiteral("session token")));
    }

    void refusedConnectionMapsToConfigurationError()
    {
        const QUrl closed = m_server->url();
        m_server.reset();  // nothing listens on that port any more
        ServiceEndpoints e;
        e.setDefaultEndpoint(closed);
        AwsIntegrationRequest request = action(QStringLiteral("dynamodb"), QStringLiteral("GetItem"), {});
        const AwsWireRequest wire = ServiceRequestBuilder(credentials(), e).build(request);
        QVERIFY(wire.ok());
        QNetworkReply *reply = m_network.sendCustomRequest(QNetworkRequest(wire.url), wire.method, wire.body);
        QSignalSpy finished(reply, &QNetworkReply::finished);
        QVERIFY(finished.wait(10000));
        QCOMPARE(reply->error(), QNetworkReply::ConnectionRefusedError);
        const AwsServiceOutcome outcome = ServiceResponseMapper::fromTransportFailure(
            ServiceResponseMapper::TransportFailure::ConnectionRefused, reply->errorString());
        QCOMPARE(outcome.status, 500);
        QCOMPARE(outcome.gatewayError, QStringLiteral("API_CONFIGURATION_ERROR"));
        reply->deleteLater();
    }

    void malformedUriNeverReachesTheNetwork()
    {
        AwsIntegrationRequest request = action(QStringLiteral("dynamodb"), QStringLiteral("GetItem"), {});
        request.uri = QStringLiteral("arn:aws:apigateway:%1:dynamodb:GetItem").arg(kRegion);
        const Exchange exchange = call(request);
        QCOMPARE(exchange.outcome.status, 500);
        QVERIFY(exchange.outcome.logLine.endsWith(QStringLiteral("AWS ARN for integration must contain path or action")));
        QVERIFY(m_server->received.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestAwsServiceIntegration)
#include "tst_awsserviceintegration.moc"
