#include "gateway/aws/awsintegrationuri.h"

#include <QTest>

using namespace gw::aws;
using Kind = AwsIntegrationUri::Kind;

class TestAwsIntegrationUri : public QObject
{
    Q_OBJECT

private slots:
    void parsesValidUris_data()
    {
        QTest::addColumn<QString>("uri");
        QTest::addColumn<QString>("region");
        QTest::addColumn<QString>("service");
        QTest::addColumn<QString>("subdomain");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("actionOrPath");
        QTest::addColumn<int>("parameterCount");

        QTest::newRow("dynamodb action") << QStringLiteral("arn:aws:apigateway:us-east-1:dynamodb:action/PutItem")
            << QStringLiteral("us-east-1") << QStringLiteral("dynamodb") << QString() << int(Kind::Action) << QStringLiteral("PutItem") << 0;
        QTest::newRow("step functions") << QStringLiteral("arn:aws:apigateway:eu-west-1:states:action/StartSyncExecution")
            << QStringLiteral("eu-west-1") << QStringLiteral("states") << QString() << int(Kind::Action) << QStringLiteral("StartSyncExecution") << 0;
        QTest::newRow("action with parameters") << QStringLiteral("arn:aws:apigateway:us-west-2:s3:action/GetObject&Bucket={bucket}&Key=a%2Fb")
            << QStringLiteral("us-west-2") << QStringLiteral("s3") << QString() << int(Kind::Action) << QStringLiteral("GetObject") << 2;
        QTest::newRow("sqs path") << QStringLiteral("arn:aws:apigateway:us-east-1:sqs:path/123456789012/my-queue")
            << QStringLiteral("us-east-1") << QStringLiteral("sqs") << QString() << int(Kind::Path) << QStringLiteral("123456789012/my-queue") << 0;
        QTest::newRow("lambda path keeps colons of the function arn")
            << QStringLiteral("arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:f/invocations")
            << QStringLiteral("us-east-1") << QStringLiteral("lambda") << QString() << int(Kind::Path)
            << QStringLiteral("2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:f/invocations") << 0;
        QTest::newRow("subdomain after a colon") << QStringLiteral("arn:aws:apigateway:us-east-1:execute-api:abc123:path/prod/pets")
            << QStringLiteral("us-east-1") << QStringLiteral("execute-api") << QStringLiteral("abc123") << int(Kind::Path) << QStringLiteral("prod/pets") << 0;
        QTest::newRow("subdomain with a dot") << QStringLiteral("arn:aws:apigateway:us-west-2:a1b2c3.iot:path/things")
            << QStringLiteral("us-west-2") << QStringLiteral("iot") << QStringLiteral("a1b2c3") << int(Kind::Path) << QStringLiteral("things") << 0;
        QTest::newRow("china partition") << QStringLiteral("arn:aws-cn:apigateway:cn-north-1:sns:action/Publish")
            << QStringLiteral("cn-north-1") << QStringLiteral("sns") << QString() << int(Kind::Action) << QStringLiteral("Publish") << 0;
    }
    void parsesValidUris()
    {
        QFETCH(QString, uri);
        QFETCH(QString, region);
        QFETCH(QString, service);
        QFETCH(QString, subdomain);
        QFETCH(int, kind);
        QFETCH(QString, actionOrPath);
        QFETCH(int, parameterCount);
        const AwsIntegrationUri parsed = AwsIntegrationUri::parse(uri);
        QVERIFY2(parsed.isValid(), qPrintable(parsed.error));
        QCOMPARE(parsed.region, region);
        QCOMPARE(parsed.service, service);
        QCOMPARE(parsed.subdomain, subdomain);
        QCOMPARE(int(parsed.kind), kind);
        QCOMPARE(kind == int(Kind::Action) ? parsed.action : parsed.path, actionOrPath);
        QCOMPARE(parsed.actionParameters.size(), parameterCount);
    }

    void actionParametersStayRaw()
    {
        const AwsIntegrationUri parsed =
            AwsIntegrationUri::parse(QStringLiteral("arn:aws:apigateway:us-west-2:s3:action/GetObject&Bucket=b&Key=a%2Fb&flag"));
        QCOMPARE(parsed.actionParameters.value(1), qMakePair(QStringLiteral("Key"), QStringLiteral("a%2Fb")));
        QCOMPARE(parsed.actionParameters.value(2), qMakePair(QStringLiteral("flag"), QString()));
    }

    void rejectsMalformedUris_data()
    {
        QTest::addColumn<QString>("uri");
        QTest::addColumn<QString>("message");
        const QString missing = QStringLiteral("AWS ARN for integration must contain path or action");
        QTest::newRow("no path or action") << QStringLiteral("arn:aws:apigateway:us-east-1:dynamodb:PutItem") << missing;
        QTest::newRow("nothing after the service") << QStringLiteral("arn:aws:apigateway:us-east-1:dynamodb") << missing;
        QTest::newRow("empty action") << QStringLiteral("arn:aws:apigateway:us-east-1:dynamodb:action/") << missing;
        QTest::newRow("empty path") << QStringLiteral("arn:aws:apigateway:us-east-1:s3:path/") << missing;
        QTest::newRow("two subdomains") << QStringLiteral("arn:aws:apigateway:us-east-1:x.iot:y:path/a") << missing;
        QTest::newRow("lambda function arn instead") << QStringLiteral("arn:aws:lambda:us-east-1:123456789012:function:f")
            << QStringLiteral("Invalid ARN specified in the request");
        QTest::newRow("http url") << QStringLiteral("https://example.com/") << QStringLiteral("Invalid ARN specified in the request");
        QTest::newRow("empty") << QString() << QStringLiteral("Invalid ARN specified in the request");
        QTest::newRow("no region") << QStringLiteral("arn:aws:apigateway::sns:action/Publish") << QStringLiteral("must contain a region");
        QTest::newRow("no service") << QStringLiteral("arn:aws:apigateway:us-east-1::action/Publish") << QStringLiteral("must contain a service");
        QTest::newRow("action name with a slash") << QStringLiteral("arn:aws:apigateway:us-east-1:sns:action/Pub/lish")
            << QStringLiteral("invalid action name 'Pub/lish'");
    }
    void rejectsMalformedUris()
    {
        QFETCH(QString, uri);
        QFETCH(QString, message);
        const AwsIntegrationUri parsed = AwsIntegrationUri::parse(uri);
        QVERIFY(!parsed.isValid());
        QVERIFY2(parsed.error.contains(message), qPrintable(parsed.error));
    }
};

QTEST_GUILESS_MAIN(TestAwsIntegrationUri)
#include "tst_awsintegrationuri.moc"
