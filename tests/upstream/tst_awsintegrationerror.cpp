#include "gateway/upstream/awsintegrationerror.h"

#include <QTest>

using gw::upstream::AwsIntegrationError;
using gw::upstream::UpstreamError;
using Kind = gw::upstream::UpstreamError::Kind;

// Each upstream failure kind maps to API Gateway's status, gateway response type and message
// (reference §3.5 and §10); the execution-log line keeps the client's detail.
class TestAwsIntegrationError : public QObject
{
    Q_OBJECT

private slots:
    void kindsMapToAwsAnswers_data()
    {
        QTest::addColumn<Kind>("kind");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("responseType");
        QTest::addColumn<QString>("message");
        QTest::addColumn<QString>("logStart");
        const QString internal = QStringLiteral("Internal server error");
        QTest::newRow("timeout") << Kind::Timeout << 504 << QByteArray("INTEGRATION_TIMEOUT")
                                 << QStringLiteral("Endpoint request timed out") << QStringLiteral("Execution failed due to a timeout error");
        QTest::newRow("dns") << Kind::DnsFailure << 500 << QByteArray("API_CONFIGURATION_ERROR") << internal
                             << QStringLiteral("Execution failed due to configuration error: Invalid endpoint address");
        QTest::newRow("invalid URL") << Kind::InvalidRequest << 500 << QByteArray("API_CONFIGURATION_ERROR") << internal
                                     << QStringLiteral("Execution failed due to configuration error: Invalid endpoint address");
        QTest::newRow("refused") << Kind::ConnectRefused << 500 << QByteArray("API_CONFIGURATION_ERROR") << internal
                                 << QStringLiteral("Execution failed due to configuration error: Unable to connect");
        QTest::newRow("tls") << Kind::TlsError << 500 << QByteArray("API_CONFIGURATION_ERROR") << internal
                             << QStringLiteral("Execution failed due to configuration error: General SSLEngine problem");
        QTest::newRow("protocol") << Kind::ProtocolError << 502 << QByteArray("INTEGRATION_FAILURE") << internal
                                  << QStringLiteral("Execution failed due to a network error");
        QTest::newRow("too large") << Kind::TooLarge << 502 << QByteArray("INTEGRATION_FAILURE") << internal
                                   << QStringLiteral("Execution failed due to a network error");
    }
    void kindsMapToAwsAnswers()
    {
        QFETCH(Kind, kind);
        QFETCH(int, status);
        QFETCH(QByteArray, responseType);
        QFETCH(QString, message);
        QFETCH(QString, logStart);
        const AwsIntegrationError aws = AwsIntegrationError::from({kind, QStringLiteral("detail 42")});
        QCOMPARE(aws.status, status);
        QCOMPARE(aws.responseType, responseType);
        QCOMPARE(aws.message, message);
        QVERIFY2(aws.logMessage.startsWith(logStart), qPrintable(aws.logMessage));
        if (kind != Kind::Timeout)
            QVERIFY2(aws.logMessage.contains(QStringLiteral("detail 42")), qPrintable(aws.logMessage));
    }
};

QTEST_GUILESS_MAIN(TestAwsIntegrationError)
#include "tst_awsintegrationerror.moc"
