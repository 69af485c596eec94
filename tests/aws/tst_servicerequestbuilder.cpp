#include "gateway/aws/servicerequestbuilder.h"

#include <QTest>
#include <QTimeZone>

using namespace gw;
using namespace gw::aws;

namespace {

AwsCredentials testCredentials(const QString &token = {})
{
    return {QStringLiteral("AKIDEXAMPLE"), QStringLiteral("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"), token,
            QStringLiteral("test")};
}

const QDateTime kNow = QDateTime(QDate(2024, 5, 1), QTime(12, 0), QTimeZone::utc());

AwsWireRequest build(const QString &uri, const QByteArray &body = {}, const HeaderList &headers = {},
                     const ServiceEndpoints &endpoints = {}, const QByteArray &method = "POST")
{
    AwsIntegrationRequest request;
    request.uri = uri;
    request.httpMethod = method;
    request.body = body;
    request.headers = headers;
    return ServiceRequestBuilder(testCredentials(), endpoints).build(request, kNow);
}

QByteArray credentialScopeOf(const AwsWireRequest &wire)
{
    const QByteArray authz = wire.headers.value("Authorization");
    const qsizetype start = authz.indexOf("Credential=") + 11;
    return authz.mid(start, authz.indexOf(',', start) - start);
}

} // namespace

class TestServiceRequestBuilder : public QObject
{
    Q_OBJECT

private slots:
    void jsonServicesGetTargetAndContentType_data()
    {
        QTest::addColumn<QString>("service");
        QTest::addColumn<QString>("action");
        QTest::addColumn<QByteArray>("target");
        QTest::addColumn<QByteArray>("contentType");
        QTest::newRow("dynamodb") << QStringLiteral("dynamodb") << QStringLiteral("PutItem") << QByteArray("DynamoDB_20120810.PutItem") << QByteArray("application/x-amz-json-1.0");
        QTest::newRow("step functions") << QStringLiteral("states") << QStringLiteral("StartExecution") << QByteArray("AWSStepFunctions.StartExecution") << QByteArray("application/x-amz-json-1.0");
        QTest::newRow("kinesis") << QStringLiteral("kinesis") << QStringLiteral("PutRecord") << QByteArray("Kinesis_20131202.PutRecord") << QByteArray("application/x-amz-json-1.1");
        QTest::newRow("eventbridge") << QStringLiteral("events") << QStringLiteral("PutEvents") << QByteArray("AWSEvents.PutEvents") << QByteArray("application/x-amz-json-1.1");
        QTest::newRow("ssm") << QStringLiteral("ssm") << QStringLiteral("GetParameter") << QByteArray("AmazonSSM.GetParameter") << QByteArray("application/x-amz-json-1.1");
    }
    void jsonServicesGetTargetAndContentType()
    {
        QFETCH(QString, service);
        QFETCH(QString, action);
        QFETCH(QByteArray, target);
        QFETCH(QByteArray, contentType);
        const AwsWireRequest wire =
            build(QStringLiteral("arn:aws:apigateway:us-east-1:%1:action/%2").arg(service, action), "{\"a\":1}");
        QVERIFY2(wire.ok(), qPrintable(wire.error));
        QCOMPARE(wire.headers.value("X-Amz-Target"), target);
        QCOMPARE(wire.headers.value("Content-Type"), contentType);
        QCOMPARE(wire.url.toString(), QStringLiteral("https://%1.us-east-1.amazonaws.com/").arg(service));
        QCOMPARE(wire.body, QByteArray("{\"a\":1}"));
        QCOMPARE(credentialScopeOf(wire), QByteArray("AKIDEXAMPLE/20240501/us-east-1/" + service.toUtf8() + "/aws4_request"));
        QVERIFY(wire.headers.value("Authorization").contains("SignedHeaders=content-type;host;x-amz-date;x-amz-target"));
    }

    void startSyncExecutionGoesToTheSyncHostOnAws()
    {
        const AwsWireRequest wire = build(QStringLiteral("arn:aws:apigateway:us-east-1:states:action/StartSyncExecution"), "{}");
        QCOMPARE(wire.url.host(), QStringLiteral("sync-states.us-east-1.amazonaws.com"));
        QCOMPARE(credentialScopeOf(wire), QByteArray("AKIDEXAMPLE/20240501/us-east-1/states/aws4_request"));
    }

    void localEndpointsServeEveryOperation()
    {
        ServiceEndpoints endpoints;
        endpoints.setEndpoint(QStringLiteral("dynamodb"), QUrl(QStringLiteral("http://127.0.0.1:8000")));
        endpoints.setDefaultEndpoint(QUrl(QStringLiteral("http://127.0.0.1:4566")));
        const AwsWireRequest dynamo = build(QStringLiteral("arn:aws:apigateway:eu-west-1:dynamodb:action/GetItem"), "{}", {}, endpoints);
        QCOMPARE(dynamo.url.toString(), QStringLiteral("http://127.0.0.1:8000/"));
        QCOMPARE(dynamo.headers.value("Host"), QByteArray("127.0.0.1:8000"));
        const AwsWireRequest sync = build(QStringLiteral("arn:aws:apigateway:eu-west-1:states:action/StartSyncExecution"), "{}", {}, endpoints);
        QCOMPARE(sync.url.toString(), QStringLiteral("http://127.0.0.1:4566/"));
        QCOMPARE(credentialScopeOf(sync), QByteArray("AKIDEXAMPLE/20240501/eu-west-1/states/aws4_request"));
    }

    void emptyJsonBodyBecomesEmptyObject()
    {
        QCOMPARE(build(QStringLiteral("arn:aws:apigateway:us-east-1:dynamodb:action/ListTables")).body, QByteArray("{}"));
    }

    void mappedTargetIsKept()
    {
        HeaderList headers;
        headers.append("X-Amz-Target", "AWSEvents.PutEvents");
        headers.append("Content-Type", "application/x-amz-json-1.1");
        const AwsWireRequest wire = build(QStringLiteral("arn:aws:apigateway:us-east-1:events:action/PutEvents"), "{}", headers);
        QCOMPARE(wire.headers.values("X-Amz-Target"), QList<QByteArray>{"AWSEvents.PutEvents"});
    }

    void queryActionWithoutBodyGoesInTheUrl()
    {
        AwsIntegrationRequest request;
        request.uri = QStringLiteral("arn:aws:apigateway:us-east-1:sns:action/Publish");
        request.httpMethod = "POST";
        request.query = {{QStringLiteral("TopicArn"), QStringLiteral("arn:aws:sns:us-east-1:1:t")},
                         {QStringLiteral("Message"), QStringLiteral("hi there/ü")}};
        const AwsWireRequest wire = ServiceRequestBuilder(testCredentials(), {}).build(request, kNow);
        QVERIFY2(wire.ok(), qPrintable(wire.error));
        QCOMPARE(wire.url.query(QUrl::FullyEncoded),
                 QStringLiteral("Action=Publish&Version=2010-03-31&TopicArn=arn%3Aaws%3Asns%3Aus-east-1%3A1%3At&Message=hi%20there%2F%C3%BC"));
        QVERIFY(wire.body.isEmpty());
    }

    void queryFormTemplateIsCompleted()
    {
        const AwsWireRequest wire = build(QStringLiteral("arn:aws:apigateway:us-east-1:sns:action/Publish"),
                                          "TopicArn=arn%3Aaws%3Asns%3Aus-east-1%3A1%3At&Message=hello");
        QCOMPARE(wire.body, QByteArray("Action=Publish&TopicArn=arn%3Aaws%3Asns%3Aus-east-1%3A1%3At&Message=hello&Version=2010-03-31"));
        QCOMPARE(wire.headers.value("Content-Type"), QByteArray("application/x-www-form-urlencoded; charset=utf-8"));
        QVERIFY(!wire.url.hasQuery());
    }

    void sqsActionUsesJsonWhenTheMappedContentTypeAsks()
    {
        HeaderList headers;
        headers.append("Content-Type", "application/x-amz-json-1.0");
        const AwsWireRequest json = build(QStringLiteral("arn:aws:apigateway:us-east-1:sqs:action/SendMessage"), "{\"QueueUrl\":\"q\"}", headers);
        QCOMPARE(json.headers.value("X-Amz-Target"), QByteArray("AmazonSQS.SendMessage"));
        const AwsWireRequest form = build(QStringLiteral("arn:aws:apigateway:us-east-1:sqs:action/SendMessage"), "MessageBody=x");
        QVERIFY(!form.headers.contains("X-Amz-Target"));
        QCOMPARE(form.body, QByteArray("Action=SendMessage&MessageBody=x&Version=2012-11-05"));
    }

    void pathFormGoesToThePath()
    {
        AwsIntegrationRequest request;
        request.uri = QStringLiteral("arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:f/invocations");
        request.httpMethod = "POST";
        request.body = "{}";
        const AwsWireRequest wire = ServiceRequestBuilder(testCredentials(), {}).build(request, kNow);
        QVERIFY2(wire.ok(), qPrintable(wire.error));
        QCOMPARE(wire.url.host(), QStringLiteral("lambda.us-east-1.amazonaws.com"));
        QCOMPARE(wire.url.path(QUrl::FullyEncoded),
                 QStringLiteral("/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:f/invocations"));
        // Lambda signs the wire path encoded a second time
        QVERIFY(wire.canonicalRequest.contains("\n/2015-03-31/functions/arn%3Aaws%3Alambda%3Aus-east-1%3A123456789012%3Afunction%3Af/invocations\n"));
        QVERIFY(!wire.headers.contains("X-Amz-Target"));
    }

    void pathParametersAreFilledAndEncoded()
    {
        AwsIntegrationRequest request;
        request.uri = QStringLiteral("arn:aws:apigateway:us-east-1:s3:path/{bucket}/{key+}");
        request.httpMethod = "GET";
        request.pathParameters = {{QStringLiteral("bucket"), QStringLiteral("my-bucket")},
                                  {QStringLiteral("key"), QStringLiteral("a b/c.txt")}};
        const AwsWireRequest wire = ServiceRequestBuilder(testCredentials(), {}).build(request, kNow);
        QVERIFY2(wire.ok(), qPrintable(wire.error));
        QCOMPARE(wire.url.path(QUrl::FullyEncoded), QStringLiteral("/my-bucket/a%20b/c.txt"));
        QCOMPARE(wire.headers.value("x-amz-content-sha256"), QByteArray("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
        QVERIFY(wire.canonicalRequest.contains("\n/my-bucket/a%20b/c.txt\n"));  // S3: encoded once

        request.pathParameters.remove(QStringLiteral("key"));
        const AwsWireRequest missing = ServiceRequestBuilder(testCredentials(), {}).build(request, kNow);
        QVERIFY(missing.error.contains(QStringLiteral("{key}")));
    }

    void executeApiSubdomainBecomesTheHost()
    {
        const AwsWireRequest wire = build(QStringLiteral("arn:aws:apigateway:us-east-1:execute-api:abc123:path/prod/pets"), {}, {}, {}, "GET");
        QCOMPARE(wire.url.toString(), QStringLiteral("https://abc123.execute-api.us-east-1.amazonaws.com/prod/pets"));
        QCOMPARE(credentialScopeOf(wire), QByteArray("AKIDEXAMPLE/20240501/us-east-1/execute-api/aws4_request"));
    }

    void sesSignsUnderItsOwnName()
    {
        const AwsWireRequest wire = build(QStringLiteral("arn:aws:apigateway:us-east-1:email:action/SendEmail"));
        QCOMPARE(wire.url.host(), QStringLiteral("email.us-east-1.amazonaws.com"));
        QCOMPARE(credentialScopeOf(wire), QByteArray("AKIDEXAMPLE/20240501/us-east-1/ses/aws4_request"));
    }

    void sessionTokenIsSent()
    {
        AwsIntegrationRequest request;
        request.uri = QStringLiteral("arn:aws:apigateway:us-east-1:dynamodb:action/GetItem");
        request.httpMethod = "POST";
        const AwsWireRequest wire = ServiceRequestBuilder(testCredentials(QStringLiteral("tok")), {}).build(request, kNow);
        QCOMPARE(wire.headers.value("X-Amz-Security-Token"), QByteArray("tok"));
        QVERIFY(wire.headers.value("Authorization").contains("x-amz-security-token"));
    }

    void mappedAuthorizationCannotOverrideTheSignature()
    {
        HeaderList headers;
        headers.append("Authorization", "Bearer x");
        const AwsWireRequest wire = build(QStringLiteral("arn:aws:apigateway:us-east-1:dynamodb:action/GetItem"), "{}", headers);
        QCOMPARE(wire.headers.values("Authorization").size(), 1);
        QVERIFY(wire.headers.value("Authorization").startsWith("AWS4-HMAC-SHA256 "));
    }

    void errors_data()
    {
        QTest::addColumn<QString>("uri");
        QTest::addColumn<QString>("message");
        QTest::newRow("malformed") << QStringLiteral("arn:aws:apigateway:us-east-1:dynamodb:PutItem") << QStringLiteral("AWS ARN for integration must contain path or action");
        QTest::newRow("unknown service action") << QStringLiteral("arn:aws:apigateway:us-east-1:nosuch:action/Do") << QStringLiteral("'nosuch' is not known");
        QTest::newRow("rest service action") << QStringLiteral("arn:aws:apigateway:us-east-1:lambda:action/Invoke") << QStringLiteral("has no action API");
    }
    void errors()
    {
        QFETCH(QString, uri);
        QFETCH(QString, message);
        const AwsWireRequest wire = build(uri, "{}");
        QVERIFY(!wire.ok());
        QVERIFY2(wire.error.contains(message), qPrintable(wire.error));
    }

    void missingCredentialsAreAnError()
    {
        AwsIntegrationRequest request;
        request.uri = QStringLiteral("arn:aws:apigateway:us-east-1:dynamodb:action/GetItem");
        request.httpMethod = "POST";
        const AwsWireRequest wire = ServiceRequestBuilder(AwsCredentials{}, {}).build(request, kNow);
        QVERIFY(wire.error.contains(QStringLiteral("no AWS credentials")));
    }
};

QTEST_GUILESS_MAIN(TestServiceRequestBuilder)
#include "tst_servicerequestbuilder.moc"
