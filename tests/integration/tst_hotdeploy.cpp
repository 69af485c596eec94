#include "testproject.h"

#include "gateway/deploy/runtimeconfig.h"
#include "gateway/model/deployments.h"
#include "gateway/runtime/engine.h"

#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

using namespace gw::model;

// Redeploying under load: every request is answered, each by exactly one of the deployments.
class TestHotDeploy : public QObject
{
    Q_OBJECT
private slots:
    void deployUnderLoadLosesNoRequest()
    {
        Project project;
        Api api = newRestApi(QStringLiteral("Hot"));
        api.id = QStringLiteral("hotapi");
        gwtest::addResource(api, QStringLiteral("/v")).methods.insert(QStringLiteral("GET"),
            gwtest::mockMethod(QStringLiteral("GET"), 200, QStringLiteral("one")));
        project.apis.append(api);
        deploy(project.apis[0], QStringLiteral("s"));

        gw::runtime::Engine engine;
        engine.deploy(gw::deploy::compile(project, nullptr));
        QVERIFY(gwtest::startOnFreePort(engine));

        // Flip the deployment every 5 ms while clients keep asking.
        int deploys = 0;
        QTimer flipper;
        flipper.setInterval(5);
        connect(&flipper, &QTimer::timeout, this, [&]() {
            Resource *r = project.apis[0].design.resource(QStringLiteral("/v"));
            r->methods[QStringLiteral("GET")] = gwtest::mockMethod(QStringLiteral("GET"), 200,
                                                                   deploys % 2 ? QStringLiteral("one") : QStringLiteral("two"));
            deploy(project.apis[0], QStringLiteral("s"));
            engine.deploy(gw::deploy::compile(project, nullptr));
            ++deploys;
        });
        flipper.start();

        // Pipelined keep-alive clients on raw sockets.
        constexpr int kClients = 8;
        constexpr int kPerClient = 300;
        const QByteArray request = "GET /restapis/hotapi/s/_user_request_/v HTTP/1.1\r\nHost: x\r\n\r\n";
        int answered = 0;
        int wrong = 0;
        QList<QTcpSocket *> sockets;
        for (int c = 0; c < kClients; ++c) {
            auto *socket = new QTcpSocket(this);
            sockets.append(socket);
            auto buffer = std::make_shared<QByteArray>();
            auto sent = std::make_shared<int>(1);
            connect(socket, &QTcpSocket::readyRead, this, [&, socket, buffer, sent, request]() {
                *buffer += socket->readAll();
                for (;;) {
                    const auto end = buffer->indexOf("\r\n\r\n");
                    if (end < 0)
                        return;
                    const auto cl = buffer->indexOf("Content-Length: ");
                    const int length = buffer->mid(cl + 16, buffer->indexOf('\r', cl) - cl - 16).toInt();
                    if (buffer->size() < end + 4 + length)
                        return;
                    const QByteArray status = buffer->left(12);
                    const QByteArray body = buffer->mid(end + 4, length);
                    buffer->remove(0, end + 4 + length);
                    ++answered;
                    if (status != "HTTP/1.1 200" || (body != "one" && body != "two"))
                        ++wrong;
                    if (*sent < kPerClient) {
                        ++*sent;
                        socket->write(request);
                    }
                }
            });
            socket->connectToHost(QHostAddress::LocalHost, engine.port());
            QVERIFY(socket->waitForConnected(5000));
            socket->write(request);
        }
        QTRY_COMPARE_WITH_TIMEOUT(answered, kClients * kPerClient, 60000);
        flipper.stop();
        QCOMPARE(wrong, 0);
        QVERIFY2(deploys > 5, qPrintable(QString::number(deploys)));
        qDeleteAll(sockets);
    }
};

QTEST_GUILESS_MAIN(TestHotDeploy)
#include "tst_hotdeploy.moc"
