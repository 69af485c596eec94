#include "gateway/integrations/upstreampool.h"

#include <QDeadlineTimer>
#include <QProcess>
#include <QSslKey>
#include <QSslSocket>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using gw::integrations::UpstreamPool;
using gw::pipeline::EndpointRequest;
using gw::pipeline::EndpointResult;

// A TLS endpoint with a self-signed certificate made by openssl for this test.
class TlsServer : public QTcpServer
{
public:
    QSslCertificate certificate;
    QSslKey key;

protected:
    void incomingConnection(qintptr descriptor) override
    {
        auto *socket = new QSslSocket(this);
        socket->setSocketDescriptor(descriptor);
        socket->setLocalCertificate(certificate);
        socket->setPrivateKey(key);
        connect(socket, &QSslSocket::readyRead, socket, [socket]() {
            if (socket->readAll().contains("\r\n\r\n"))
                socket->write("HTTP/1.1 200 OK\r\nContent-Length: 6\r\n\r\nsecret");
        });
        connect(socket, &QSslSocket::disconnected, socket, &QObject::deleteLater);
        socket->startServerEncryption();
    }
};

class TestUpstreamTls : public QObject
{
    Q_OBJECT

    static EndpointResult sendAndWait(UpstreamPool &pool, const EndpointRequest &request)
    {
        std::optional<EndpointResult> result;
        pool.send(request, [&](EndpointResult r) { result = std::move(r); });
        QDeadlineTimer deadline(15000);
        while (!result && !deadline.hasExpired())
            QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
        return result.value_or(EndpointResult{EndpointResult::Error::Cancelled, {}, 0, {}, {}});
    }

private slots:
    void verificationIsOnUnlessTheIntegrationSkipsIt()
    {
        QVERIFY(QSslSocket::supportsSsl());
        QTemporaryDir dir;
        QProcess openssl;
        openssl.start(QStringLiteral("openssl"), {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"),
                                                  QStringLiteral("-nodes"), QStringLiteral("-days"), QStringLiteral("1"), QStringLiteral("-subj"),
                                                  QStringLiteral("/CN=127.0.0.1"), QStringLiteral("-keyout"), dir.filePath(QStringLiteral("key.pem")),
                                                  QStringLiteral("-out"), dir.filePath(QStringLiteral("cert.pem"))});
        QVERIFY(openssl.waitForFinished(30000));
        QCOMPARE(openssl.exitCode(), 0);
        QFile cert(dir.filePath(QStringLiteral("cert.pem")));
        QFile key(dir.filePath(QStringLiteral("key.pem")));
        QVERIFY(cert.open(QIODevice::ReadOnly) && key.open(QIODevice::ReadOnly));
        TlsServer server;
        server.certificate = QSslCertificate(cert.readAll());
        server.key = QSslKey(key.readAll(), QSsl::Rsa);
        QVERIFY(!server.certificate.isNull() && !server.key.isNull());
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));

        UpstreamPool pool;
        EndpointRequest request;
        request.method = "GET";
        request.url = QUrl(QStringLiteral("https://127.0.0.1:%1/").arg(server.serverPort()));
        request.timeoutMs = 10000;
        const EndpointResult refused = sendAndWait(pool, request);
        QCOMPARE(refused.error, EndpointResult::Error::TlsError); // self-signed: not trusted

        request.insecureSkipVerification = true;
        const EndpointResult accepted = sendAndWait(pool, request);
        QCOMPARE(accepted.error, EndpointResult::Error::None);
        QCOMPARE(accepted.body, QByteArray("secret"));
    }
};

QTEST_GUILESS_MAIN(TestUpstreamTls)
#include "tst_upstreamtls.moc"
