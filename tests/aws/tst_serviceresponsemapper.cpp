#include "gateway/aws/serviceresponsemapper.h"

#include <QTest>

using namespace gw;
using namespace gw::aws;

class TestServiceResponseMapper : public QObject
{
    Q_OBJECT

private slots:
    void serviceErrorsKeepTheirStatus_data()
    {
        QTest::addColumn<QString>("service");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("errorTypeHeader");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("message");
        QTest::newRow("dynamodb __type") << QStringLiteral("dynamodb") << 400 << QByteArray()
            << QByteArray("{\"__type\":\"com.amazonaws.dynamodb.v20120810#ResourceNotFoundException\",\"message\":\"Requested resource not found\"}")
            << QStringLiteral("ResourceNotFoundException") << QStringLiteral("Requested resource not found");
        QTest::newRow("step functions Message") << QStringLiteral("states") << 400 << QByteArray()
            << QByteArray("{\"__type\":\"StateMachineDoesNotExist\",\"Message\":\"State Machine Does Not Exist\"}")
            << QStringLiteral("StateMachineDoesNotExist") << QStringLiteral("State Machine Does Not Exist");
        QTest::newRow("lambda header") << QStringLiteral("lambda") << 404
            << QByteArray("ResourceNotFoundException:http://internal.amazon.com/coral/com.amazonaws.lambda/")
            << QByteArray("{\"Type\":\"User\",\"message\":\"Function not found\"}")
            << QStringLiteral("ResourceNotFoundException") << QStringLiteral("Function not found");
        QTest::newRow("sns xml") << QStringLiteral("sns") << 400 << QByteArray()
            << QByteArray("<ErrorResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\"><Error><Type>Sender</Type>"
                          "<Code>InvalidParameter</Code><Message>Invalid parameter: TopicArn</Message></Error>"
                          "<RequestId>r</RequestId></ErrorResponse>")
            << QStringLiteral("InvalidParameter") << QStringLiteral("Invalid parameter: TopicArn");
        QTest::newRow("query json form") << QStringLiteral("sns") << 404 << QByteArray()
            << QByteArray("{\"Error\":{\"Code\":\"NotFound\",\"Message\":\"Topic does not exist\",\"Type\":\"Sender\"}}")
            << QStringLiteral("NotFound") << QStringLiteral("Topic does not exist");
        QTest::newRow("s3 xml") << QStringLiteral("s3") << 404 << QByteArray()
            << QByteArray("<?xml version=\"1.0\"?><Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message></Error>")
            << QStringLiteral("NoSuchKey") << QStringLiteral("The specified key does not exist.");
        QTest::newRow("throttling 5xx") << QStringLiteral("kinesis") << 503 << QByteArray()
            << QByteArray("{\"__type\":\"ServiceUnavailable\"}") << QStringLiteral("ServiceUnavailable") << QString();
    }
    void serviceErrorsKeepTheirStatus()
    {
        QFETCH(QString, service);
        QFETCH(int, status);
        QFETCH(QByteArray, errorTypeHeader);
        QFETCH(QByteArray, body);
        QFETCH(QString, type);
        QFETCH(QString, message);
        HeaderList headers;
        if (!errorTypeHeader.isEmpty())
            headers.append("X-Amzn-ErrorType", errorTypeHeader);
        const AwsServiceOutcome outcome = ServiceResponseMapper::fromResponse(
            AwsServiceCatalog::standard().find(service), status, headers, body);
        QCOMPARE(outcome.status, status);
        QVERIFY(outcome.serviceError);
        QVERIFY(outcome.gatewayError.isEmpty());
        QCOMPARE(outcome.errorType, type);
        QCOMPARE(outcome.errorMessage, message);
    }

    void successIsNotAnError()
    {
        const AwsServiceOutcome outcome = ServiceResponseMapper::fromResponse(
            AwsServiceCatalog::standard().find(QStringLiteral("dynamodb")), 200, {}, "{}");
        QCOMPARE(outcome.status, 200);
        QVERIFY(!outcome.serviceError);
        QVERIFY(outcome.errorType.isEmpty());
    }

    void transportFailures_data()
    {
        QTest::addColumn<int>("failure");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("gatewayError");
        QTest::addColumn<QString>("message");
        using F = ServiceResponseMapper::TransportFailure;
        QTest::newRow("timeout") << int(F::Timeout) << 504 << QStringLiteral("INTEGRATION_TIMEOUT") << QStringLiteral("Endpoint request timed out");
        QTest::newRow("refused") << int(F::ConnectionRefused) << 500 << QStringLiteral("API_CONFIGURATION_ERROR") << QStringLiteral("Internal server error");
        QTest::newRow("no such host") << int(F::HostNotFound) << 500 << QStringLiteral("API_CONFIGURATION_ERROR") << QStringLiteral("Internal server error");
        QTest::newRow("tls") << int(F::Tls) << 500 << QStringLiteral("INTEGRATION_FAILURE") << QStringLiteral("Internal server error");
    }
    void transportFailures()
    {
        QFETCH(int, failure);
        QFETCH(int, status);
        QFETCH(QString, gatewayError);
        QFETCH(QString, message);
        const AwsServiceOutcome outcome = ServiceResponseMapper::fromTransportFailure(
            ServiceResponseMapper::TransportFailure(failure), QStringLiteral("detail"));
        QCOMPARE(outcome.status, status);
        QCOMPARE(outcome.gatewayError, gatewayError);
        QCOMPARE(outcome.gatewayMessage, message);
        QVERIFY(!outcome.logLine.isEmpty());
    }

    void buildErrorsAreConfigurationErrors()
    {
        const AwsServiceOutcome outcome =
            ServiceResponseMapper::fromBuildError(QStringLiteral("AWS ARN for integration must contain path or action"));
        QCOMPARE(outcome.status, 500);
        QCOMPARE(outcome.gatewayError, QStringLiteral("API_CONFIGURATION_ERROR"));
        QCOMPARE(outcome.logLine, QStringLiteral("Execution failed due to configuration error: "
                                                 "AWS ARN for integration must contain path or action"));
    }
};

QTEST_GUILESS_MAIN(TestServiceResponseMapper)
#include "tst_serviceresponsemapper.moc"
