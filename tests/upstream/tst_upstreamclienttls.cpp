#include "resultsink.h"
#include "scriptedserver.h"

#include "gateway/upstream/awsintegrationerror.h"
#include "gateway/upstream/upstreamclient.h"

#include <QFile>
#include <QProcess>
#include <QSslCertificate>
#include <QSslKey>
#include <QTemporaryDir>
#include <QTest>

using namespace gw::upstream;
using gwtest::Reply;
using gwtest::ReceivedRequest;
using gwtest::ResultSink;
using gwtest::ScriptedServer;
using gwtest::makeRequest;

// UpstreamClient over TLS against a QSslServer with a self-signed certificate that `openssl req`
// makes for the test: verified by default (and so refused), accepted with
// insecureSkipVerification, and pooled apart from verified connections.
class TestUpstreamClientTls : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QSslConfiguration m_serverConfig;

    std::unique_ptr<ScriptedServer> startServer()
    {
        auto server = std::make_unique<ScriptedServer>([](const ReceivedRequest &r) { return Reply::ok("secure " + r.target); });
        if (!server->listenTls(m_serverConfig))
            return nullptr;
        return server;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(QSslSocket::supportsSsl());
        QVERIFY(m_dir.isValid());
        const QString key = m_dir.filePath(QStringLiteral("key.pem"));
        const QString cert = m_dir.filePath(QStringLiteral("cert.pem"));
        QProcess openssl;
        openssl.start(QStringLiteral("openssl"),
                      {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("ec"),
                       QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes"),
                       QStringLiteral("-keyout"), key, QStringLiteral("-out"), cert, QStringLiteral("-days"), QStringLiteral("1"),
                       QStringLiteral("-subj"), QStringLiteral("/CN=localhost"), QStringLiteral("-addext"),
                       QStringLiteral("subjectAltName=DNS:localhost,IP:127.0.0.1")});
        QVERIFY(openssl.waitForFinished(30000));
        QCOMPARE(openssl.exitCode(), 0);
        QFile certFile(cert), keyFile(key);
        QVERIFY(certFile.open(QIODevice::ReadOnly) && keyFile.open(QIODevice::ReadOnly));
        m_serverConfig = QSslConfiguration::defaultConfiguration();
        m_serverConfig.setLocalCertificate(QSslCertificate(&certFile, QSsl::Pem));
        m_serverConfig.setPrivateKey(QSslKey(&keyFile, QSsl::Ec, QSsl::Pem));
        m_serverConfig.setPeerVerifyMode(QSslSocket::VerifyNone);
        QVERIFY(!m_serverConfig.localCertificate().isNull());
        QVERIFY(!m_serverConfig.privateKey().isNull());
    }

    void selfSignedCertificateFailsVerification()
    {
        auto server = startServer();
        QVERIFY(server);
        UpstreamClient client;
        ResultSink sink;
        client.send(makeRequest(server->url(QStringLiteral("/"), QStringLiteral("localhost"))), sink.callback());
        QTRY_COMPARE_WITH_TIMEOUT(sink.size(), 1, 10000);
        QCOMPARE(sink.kind(), QStringLiteral("TlsError"));
        QVERIFY2(sink.message().contains(QStringLiteral("self"), Qt::CaseInsensitive), qPrintable(sink.message()));
        QCOMPARE(server->requestCount(), 0);
        QCOMPARE(client.openConnections(), 0);
        QCOMPARE(AwsIntegrationError::from(std::get<UpstreamError>(sink.at(0))).status, 500);
    }

    void insecureSkipVerificationAcceptsItAndReusesTheConnection()
    {
        auto server = startServer();
        QVERIFY(server);
        UpstreamClient client;
        ResultSink sink;
        for (int i = 0; i < 3; ++i) {
            UpstreamRequest request = makeRequest(server->url(QStringLiteral("/%1").arg(i), QStringLiteral("localhost")));
            request.insecureSkipVerification = true;
            client.send(request, sink.callback());
            QTRY_COMPARE_WITH_TIMEOUT(sink.size(), i + 1, 10000);
            QCOMPARE(sink.kind(i), QStringLiteral("none"));
            QCOMPARE(sink.response(i).body, "secure /" + QByteArray::number(i));
        }
        QCOMPARE(server->accepted(), 1);
        QCOMPARE(server->requests().at(0).headers.value("host"), "localhost:" + QByteArray::number(server->port()));
    }

    void unverifiedConnectionsAreNotLentToVerifyingRequests()
    {
        auto server = startServer();
        QVERIFY(server);
        UpstreamClient client;
        ResultSink sink;
        UpstreamRequest insecure = makeRequest(server->url(QStringLiteral("/"), QStringLiteral("localhost")));
        insecure.insecureSkipVerification = true;
        client.send(insecure, sink.callback());
        QTRY_COMPARE_WITH_TIMEOUT(sink.size(), 1, 10000);
        QCOMPARE(client.idleConnections(), 1);
        client.send(makeRequest(server->url(QStringLiteral("/"), QStringLiteral("localhost"))), sink.callback());
        QTRY_COMPARE_WITH_TIMEOUT(sink.size(), 2, 10000);
        QCOMPARE(sink.kind(1), QStringLiteral("TlsError"));
        QCOMPARE(server->requestCount(), 1);
    }
};

QTEST_GUILESS_MAIN(TestUpstreamClientTls)
#include "tst_upstreamclienttls.moc"
