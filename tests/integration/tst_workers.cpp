#include "gatewayclient.h"
#include "testproject.h"

#include "gateway/deploy/runtimeconfig.h"
#include "gateway/model/deployments.h"
#include "gateway/runtime/engine.h"

#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>

using namespace gw::model;

// Several engine threads accept on one port (SO_REUSEPORT); the port is never silently shared
// with another engine.
class TestWorkers : public QObject
{
    Q_OBJECT

    static std::shared_ptr<const gw::deploy::RuntimeConfig> config()
    {
        Project project;
        Api api = newRestApi(QStringLiteral("W"));
        api.id = QStringLiteral("wapi");
        gwtest::addResource(api, QStringLiteral("/ping")).methods.insert(QStringLiteral("GET"),
            gwtest::mockMethod(QStringLiteral("GET"), 200, QStringLiteral("pong")));
        project.apis.append(api);
        deploy(project.apis[0], QStringLiteral("s"));
        return gw::deploy::compile(project, nullptr);
    }

private slots:
    void fourWorkersServeOnePort()
    {
        gw::runtime::Engine engine;
        engine.deploy(config());
        gw::runtime::EngineOptions options;
        options.workers = 4;
        QVERIFY(gwtest::startOnFreePort(engine, options));
        QCOMPARE(engine.workerCount(), 4);
        gwtest::GatewayClient client;
        for (int i = 0; i < 40; ++i) {
            // A fresh connection each time, so the kernel spreads them over the listeners.
            QTcpSocket socket;
            socket.connectToHost(QHostAddress::LocalHost, engine.port());
            QVERIFY(socket.waitForConnected(2000));
            socket.write("GET /restapis/wapi/s/_user_request_/ping HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
            QByteArray answer;
            while (socket.waitForReadyRead(2000))
                answer += socket.readAll();
            QVERIFY2(answer.startsWith("HTTP/1.1 200 OK") && answer.endsWith("pong"), answer.constData());
        }
        engine.stop();
        QVERIFY(!engine.isRunning());
    }

    void aSecondEngineOnTheSamePortFails()
    {
        gw::runtime::Engine first;
        first.deploy(config());
        gw::runtime::EngineOptions options;
        options.workers = 2;
        QVERIFY(gwtest::startOnFreePort(first, options));

        gw::runtime::Engine second;
        QSignalSpy failed(&second, &gw::runtime::Engine::startFailed);
        options.port = first.port();
        second.start(options);
        QVERIFY(failed.wait(5000));
        QVERIFY(failed.first().first().toString().contains(QString::number(first.port())));
        QVERIFY(!second.isRunning());
    }
};

QTEST_GUILESS_MAIN(TestWorkers)
#include "tst_workers.moc"
