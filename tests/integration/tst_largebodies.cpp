#include "testproject.h"
#include "upstreamserver.h"

#include "gateway/deploy/runtimeconfig.h"
#include "gateway/model/deployments.h"
#include "gateway/runtime/engine.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QTemporaryFile>
#include <QTest>
#include <QThread>

using namespace gw::model;
using gwtest::UpstreamServer;

// Request bodies from a few hundred KB up to API Gateway's 10 MB payload limit, sent in one burst,
// are answered on MOCK and HTTP_PROXY routes (issue 23: from ~460 KB on they were read, never
// answered, and the connection closed after 60 s); just over the limit gets AWS's 413. Sent by a
// raw QTcpSocket in one write and by curl --data-binary, over real loopback sockets.
class TestLargeBodies : public QObject {
    Q_OBJECT

    // The upstream runs on a thread of its own: the clients below block this one while they wait.
    QThread m_upstreamThread;
    QObject m_upstreamAnchor;
    UpstreamServer *m_upstream = nullptr;
    gw::runtime::Engine m_engine;
    Project m_project;

    static constexpr qsizetype kLimit = 10 * 1024 * 1024;

    QByteArray path(const QString &route) const { return "/restapis/bodies/test/_user_request_" + route.toLatin1(); }

    // status and body of the answer to one POST written in one write() call.
    static QPair<int, QByteArray> rawPost(quint16 port, const QByteArray &target, const QByteArray &body)
    {
        QTcpSocket s;
        s.connectToHost(QHostAddress::LocalHost, port);
        if (!s.waitForConnected())
            return {0, "no connection"};
        s.write("POST " + target
            + " HTTP/1.1\r\nHost: h\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: "
            + QByteArray::number(body.size()) + "\r\n\r\n" + body);
        QByteArray got;
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < 20000 && s.state() == QAbstractSocket::ConnectedState)
            if (s.waitForReadyRead(100))
                got += s.readAll();
        got += s.readAll();
        const qsizetype end = got.indexOf("\r\n\r\n");
        if (!got.startsWith("HTTP/1.1 ") || end < 0)
            return {0, got.left(200)};
        return {got.mid(9, 3).toInt(), got.mid(end + 4)};
    }

    static QPair<int, QByteArray> curlPost(
        quint16 port, const QByteArray &target, const QString &file, bool expectContinue)
    {
        QStringList args {QStringLiteral("-s"), QStringLiteral("-w"), QStringLiteral("\n%{http_code}"),
            QStringLiteral("--data-binary"), QLatin1Char('@') + file, QStringLiteral("-H"),
            QStringLiteral("Content-Type: application/json")};
        if (expectContinue)
            args << QStringLiteral("-H") << QStringLiteral("Expect: 100-continue");
        args << QStringLiteral("http://127.0.0.1:%1").arg(port) + QString::fromLatin1(target);
        QProcess p;
        p.start(QStringLiteral("curl"), args);
        p.waitForFinished(30000);
        const QByteArray out = p.readAllStandardOutput();
        const qsizetype nl = out.lastIndexOf('\n');
        return {out.mid(nl + 1).toInt(), out.left(nl)};
    }

private slots:
    void initTestCase()
    {
        m_upstreamThread.start();
        m_upstreamAnchor.moveToThread(&m_upstreamThread);
        QMetaObject::invokeMethod(
            &m_upstreamAnchor,
            [this]() {
                m_upstream = new UpstreamServer;
                m_upstream->setHandler([](const gw::HttpRequest &r) {
                    return UpstreamServer::Answer {
                        gw::HttpResponse {200, {}, "length " + QByteArray::number(r.body.size())}, 0};
                });
            },
            Qt::BlockingQueuedConnection);
        QVERIFY(m_upstream->isListening());
        Api api = newRestApi(QStringLiteral("Bodies"));
        api.id = QStringLiteral("bodies");
        gwtest::addResource(api, QStringLiteral("/mock"))
            .methods.insert(QStringLiteral("POST"),
                gwtest::mockMethod(QStringLiteral("POST"), 200, QStringLiteral("{\"ok\":true}")));
        gwtest::addResource(api, QStringLiteral("/proxy/{proxy+}"))
            .methods.insert(QStringLiteral("ANY"),
                gwtest::httpMethod(QStringLiteral("ANY"), IntegrationType::HttpProxy,
                    m_upstream->baseUrl() + QStringLiteral("/{proxy}")));
        m_project.apis.append(api);
        deploy(m_project.apis[0], QStringLiteral("test"));
        m_engine.deploy(gw::deploy::compile(m_project, nullptr));
        gw::runtime::EngineOptions options;
        options.workers = 1;
        QVERIFY(gwtest::startOnFreePort(m_engine, options));
    }

    void cleanupTestCase()
    {
        m_engine.stop();
        QMetaObject::invokeMethod(
            &m_upstreamAnchor, [this]() { delete m_upstream; }, Qt::BlockingQueuedConnection);
        m_upstreamThread.quit();
        m_upstreamThread.wait();
    }

    void bodyInOneBurstIsAnswered_data()
    {
        QTest::addColumn<QString>("client");
        QTest::addColumn<QString>("route");
        QTest::addColumn<qsizetype>("size");
        QTest::addColumn<int>("status");
        const QList<QPair<const char *, qsizetype>> sizes {
            {"460 KB", 460 * 1000}, {"1 MB", 1000 * 1000}, {"10 MB (the limit)", kLimit}, {"limit + 1", kLimit + 1}};
        for (const char *client : {"raw", "curl", "curl 100-continue"})
            for (const char *route : {"mock", "proxy"})
                for (const auto &[name, size] : sizes)
                    QTest::addRow("%s %s %s", client, route, name)
                        << QString::fromLatin1(client) << QString::fromLatin1(route) << size
                        << (size > kLimit ? 413 : 200);
    }
    void bodyInOneBurstIsAnswered()
    {
        QFETCH(QString, client);
        QFETCH(QString, route);
        QFETCH(qsizetype, size);
        QFETCH(int, status);
        const QByteArray target
            = path(route == QLatin1String("mock") ? QStringLiteral("/mock") : QStringLiteral("/proxy/echo"));
        const QByteArray body(size, 'b');
        QPair<int, QByteArray> answer;
        if (client == QLatin1String("raw")) {
            answer = rawPost(m_engine.port(), target, body);
        } else {
            if (QStandardPaths::findExecutable(QStringLiteral("curl")).isEmpty())
                QSKIP("curl is not installed (packaging/deps.sh --test installs it)");
            QTemporaryFile file;
            QVERIFY(file.open());
            file.write(body);
            file.close();
            answer = curlPost(m_engine.port(), target, file.fileName(), client.contains(QLatin1String("100-continue")));
        }
        QVERIFY2(answer.first == status,
            qPrintable(
                QString::number(answer.first) + QLatin1Char(' ') + QString::fromLatin1(answer.second.left(200))));
        if (status == 413)
            QCOMPARE(answer.second, QByteArray("{\"message\":\"Request Too Long\"}"));
        else if (route == QLatin1String("mock"))
            QCOMPARE(answer.second, QByteArray("{\"ok\":true}"));
        else
            QCOMPARE(answer.second, "length " + QByteArray::number(size)); // the upstream got it all
    }
};

QTEST_GUILESS_MAIN(TestLargeBodies)
#include "tst_largebodies.moc"
