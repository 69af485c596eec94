#include "gateway/runtime/listener/httplistener.h"

#include <QElapsedTimer>

#include <atomic>

#include <QPointer>
#include <QTcpSocket>
#include <QTest>
#include <QThread>
#include <QTimer>

using gw::runtime::HttpListener;
using gw::runtime::ListenerLimits;

// The gateway's own listener over real loopback sockets: limits answered before buffering,
// slow and idle clients closed, bounded connections, in-order pipelined answers, and answers
// for clients that left dropped safely (run under AddressSanitizer in CI).
// Runs a listener on a thread of its own, as the engine does, so the test's blocking socket
// calls don't stop it.
class ThreadedListener
{
public:
    ThreadedListener(gw::RequestHandler handler, ListenerLimits limits)
    {
        m_thread.start();
        m_anchor.moveToThread(&m_thread);
        QMetaObject::invokeMethod(&m_anchor, [this, handler, limits]() {
            m_listener = new HttpListener(handler, limits);
            m_listener->listen(QHostAddress::LocalHost, 0);
            m_port = m_listener->serverPort();
        }, Qt::BlockingQueuedConnection);
    }
    ~ThreadedListener()
    {
        QMetaObject::invokeMethod(&m_anchor, [this]() { delete m_listener; }, Qt::BlockingQueuedConnection);
        m_anchor.moveToThread(QThread::currentThread());
        m_thread.quit();
        m_thread.wait();
    }
    quint16 serverPort() const { return m_port; }
    int openConnections() const { return m_listener->openConnections(); }
    quint64 refusedConnections() const { return m_listener->refusedConnections(); }

private:
    QThread m_thread;
    QObject m_anchor;
    HttpListener *m_listener = nullptr;
    quint16 m_port = 0;
};

class TestListener : public QObject
{
    Q_OBJECT

    // A handler that answers "path" after the delay asked for in X-Delay (ms).
    static gw::RequestHandler echoHandler(std::atomic<int> *handled = nullptr)
    {
        return [handled](gw::HttpRequest request, gw::ResponseCallback done) {
            if (handled)
                ++*handled;
            const int delay = request.headers.value("x-delay").toInt();
            gw::HttpResponse response{200, {}, request.rawPath() + ' ' + QByteArray::number(request.body.size())};
            if (delay <= 0) {
                done(response);
                return;
            }
            QTimer::singleShot(delay, [done, response]() { done(response); });
        };
    }

    static ListenerLimits fastLimits()
    {
        ListenerLimits limits;
        limits.headerTimeoutMs = 400;
        limits.idleTimeoutMs = 400;
        limits.bodyTimeoutMs = 400;
        return limits;
    }

    // Reads until the peer closes or `timeoutMs` passes.
    static QByteArray readAll(QTcpSocket &socket, int timeoutMs = 5000)
    {
        QByteArray out;
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < timeoutMs && socket.state() == QAbstractSocket::ConnectedState) {
            if (socket.waitForReadyRead(100))
                out += socket.readAll();
        }
        out += socket.readAll();
        return out;
    }

private slots:
    void keepAliveServesSeveralRequests()
    {
        ThreadedListener listener(echoHandler(), fastLimits());
        QTcpSocket s;
        s.connectToHost(QHostAddress::LocalHost, listener.serverPort());
        QVERIFY(s.waitForConnected());
        for (int i = 0; i < 3; ++i) {
            s.write("POST /k HTTP/1.1\r\nHost: h\r\nContent-Length: 2\r\n\r\nab");
            QByteArray got;
            while (!got.endsWith("/k 2") && s.waitForReadyRead(2000))
                got += s.readAll();
            QVERIFY2(got.startsWith("HTTP/1.1 200 OK") && got.endsWith("/k 2"), got.constData());
        }
    }

    void pipelinedAnswersComeBackInRequestOrder()
    {
        ThreadedListener listener(echoHandler(), fastLimits());
        QTcpSocket s;
        s.connectToHost(QHostAddress::LocalHost, listener.serverPort());
        QVERIFY(s.waitForConnected());
        // Reversed delays: /three finishes first, /one last.
        s.write("GET /one HTTP/1.1\r\nHost: h\r\nX-Delay: 300\r\n\r\n"
                "GET /two HTTP/1.1\r\nHost: h\r\nX-Delay: 150\r\n\r\n"
                "GET /three HTTP/1.1\r\nHost: h\r\nX-Delay: 1\r\nConnection: close\r\n\r\n");
        const QByteArray got = readAll(s);
        const qsizetype one = got.indexOf("/one 0"), two = got.indexOf("/two 0"), three = got.indexOf("/three 0");
        QVERIFY2(one > 0 && two > one && three > two, got.constData());
    }

    void oversizedBodyIsRefusedWithoutReadingIt()
    {
        std::atomic<int> handled{0};
        ThreadedListener listener(echoHandler(&handled), fastLimits());
        QTcpSocket s;
        s.connectToHost(QHostAddress::LocalHost, listener.serverPort());
        QVERIFY(s.waitForConnected());
        // 20 MB announced, nothing sent: the answer comes at once.
        s.write("POST /big HTTP/1.1\r\nHost: h\r\nContent-Length: 20971520\r\n\r\n");
        const QByteArray got = readAll(s, 3000);
        QVERIFY2(got.startsWith("HTTP/1.1 413 Payload Too Large"), got.constData());
        QVERIFY(got.contains("{\"message\":\"Request Too Long\"}"));
        QVERIFY(got.contains("Connection: close"));
        QCOMPARE(s.state(), QAbstractSocket::UnconnectedState);
        QCOMPARE(handled.load(), 0);
    }

    void chunkedBodyOverTheLimitIsRefused()
    {
        ListenerLimits limits = fastLimits();
        limits.maxBody = 1000;
        ThreadedListener listener(echoHandler(), limits);
        QTcpSocket s;
        s.connectToHost(QHostAddress::LocalHost, listener.serverPort());
        QVERIFY(s.waitForConnected());
        s.write("POST /c HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n200\r\n" + QByteArray(512, 'a') + "\r\n300\r\n");
        const QByteArray got = readAll(s, 3000);
        QVERIFY2(got.startsWith("HTTP/1.1 413"), got.constData());
    }

    void headerLimitsAnswer431And414_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<QByteArray>("status");
        QTest::newRow("huge header") << QByteArray("GET / HTTP/1.1\r\nHost: h\r\nX-Big: " + QByteArray(20000, 'x') + "\r\n\r\n") << QByteArray("431");
        QTest::newRow("too many headers") << QByteArray("GET / HTTP/1.1\r\nHost: h\r\n" + QByteArray("A: b\r\n").repeated(150) + "\r\n") << QByteArray("431");
        QTest::newRow("huge url") << QByteArray("GET /" + QByteArray(20000, 'u') + " HTTP/1.1\r\nHost: h\r\n\r\n") << QByteArray("414");
        QTest::newRow("garbage") << QByteArray("\x16\x03\x01 not http at all\r\n\r\n") << QByteArray("400");
    }
    void headerLimitsAnswer431And414()
    {
        QFETCH(QByteArray, request);
        QFETCH(QByteArray, status);
        ThreadedListener listener(echoHandler(), fastLimits());
        QTcpSocket s;
        s.connectToHost(QHostAddress::LocalHost, listener.serverPort());
        QVERIFY(s.waitForConnected());
        s.write(request);
        const QByteArray got = readAll(s, 3000);
        QVERIFY2(got.startsWith(QByteArray("HTTP/1.1 " + status)), got.left(200).constData());
        QCOMPARE(s.state(), QAbstractSocket::UnconnectedState);
    }

    void slowlorisIsClosedWhileOthersAreServed()
    {
        ThreadedListener listener(echoHandler(), fastLimits());
        QList<QTcpSocket *> slow;
        for (int i = 0; i < 20; ++i) {
            auto *s = new QTcpSocket(this);
            s->connectToHost(QHostAddress::LocalHost, listener.serverPort());
            QVERIFY(s->waitForConnected());
            s->write("GET / HTTP/1.1\r\nHost: h\r\nX-A: ");
            slow.append(s);
        }
        QElapsedTimer t;
        t.start();
        int served = 0;
        // Meanwhile a normal client is served, and the slow ones keep dribbling bytes.
        while (t.elapsed() < 1200) {
            for (QTcpSocket *s : slow)
                if (s->state() == QAbstractSocket::ConnectedState)
                    s->write("a");
            QTcpSocket ok;
            ok.connectToHost(QHostAddress::LocalHost, listener.serverPort());
            QVERIFY(ok.waitForConnected());
            ok.write("GET /fine HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n");
            served += readAll(ok, 2000).endsWith("/fine 0");
            QTest::qWait(100);
        }
        QVERIFY(served >= 5);
        int closed = 0;
        for (QTcpSocket *s : slow) {
            const QByteArray got = readAll(*s, 500);
            closed += s->state() == QAbstractSocket::UnconnectedState && got.startsWith("HTTP/1.1 408");
        }
        QCOMPARE(closed, 20);
        qDeleteAll(slow);
    }

    void idleKeepAliveConnectionIsClosed()
    {
        ThreadedListener listener(echoHandler(), fastLimits());
        QTcpSocket s;
        s.connectToHost(QHostAddress::LocalHost, listener.serverPort());
        QVERIFY(s.waitForConnected());
        s.write("GET /i HTTP/1.1\r\nHost: h\r\n\r\n");
        QVERIFY(s.waitForReadyRead(2000));
        s.readAll();
        QTRY_COMPARE_WITH_TIMEOUT(s.state(), QAbstractSocket::UnconnectedState, 3000);
        QTRY_COMPARE(listener.openConnections(), 0);
    }

    void openConnectionsAreBounded()
    {
        ListenerLimits limits = fastLimits();
        limits.maxConnections = 5;
        limits.idleTimeoutMs = 5000;
        limits.headerTimeoutMs = 5000;
        ThreadedListener listener(echoHandler(), limits);
        QList<QTcpSocket *> held;
        for (int i = 0; i < 5; ++i) {
            auto *s = new QTcpSocket(this);
            s->connectToHost(QHostAddress::LocalHost, listener.serverPort());
            QVERIFY(s->waitForConnected());
            held.append(s);
        }
        QTRY_COMPARE(listener.openConnections(), 5);
        QTcpSocket extra;
        extra.connectToHost(QHostAddress::LocalHost, listener.serverPort());
        QVERIFY(extra.waitForConnected());
        QTRY_COMPARE_WITH_TIMEOUT(extra.state(), QAbstractSocket::UnconnectedState, 3000);
        QCOMPARE(listener.refusedConnections(), quint64(1));
        qDeleteAll(held);
        QTRY_COMPARE(listener.openConnections(), 0);
    }

    void clientLeavingBeforeTheAnswerIsSafe()
    {
        std::atomic<int> handled{0};
        ThreadedListener listener(echoHandler(&handled), fastLimits());
        for (int i = 0; i < 20; ++i) {
            auto *s = new QTcpSocket;
            s->connectToHost(QHostAddress::LocalHost, listener.serverPort());
            QVERIFY(s->waitForConnected());
            s->write("GET /gone HTTP/1.1\r\nHost: h\r\nX-Delay: 200\r\n\r\n");
            s->waitForBytesWritten();
            QTRY_COMPARE(handled.load(), i + 1);
            delete s; // gone before the answer
        }
        QTest::qWait(400); // the delayed answers fire at connections that no longer exist
        QTRY_COMPARE(listener.openConnections(), 0);
        // Still serving.
        QTcpSocket ok;
        ok.connectToHost(QHostAddress::LocalHost, listener.serverPort());
        QVERIFY(ok.waitForConnected());
        ok.write("GET /after HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n");
        QVERIFY(readAll(ok).endsWith("/after 0"));
    }

    void expectContinueGetsA100()
    {
        ThreadedListener listener(echoHandler(), fastLimits());
        QTcpSocket s;
        s.connectToHost(QHostAddress::LocalHost, listener.serverPort());
        QVERIFY(s.waitForConnected());
        s.write("PUT /e HTTP/1.1\r\nHost: h\r\nContent-Length: 3\r\nExpect: 100-continue\r\n\r\n");
        QVERIFY(s.waitForReadyRead(2000));
        QCOMPARE(s.readAll(), QByteArray("HTTP/1.1 100 Continue\r\n\r\n"));
        s.write("abc");
        QByteArray got;
        while (!got.endsWith("/e 3") && s.waitForReadyRead(2000))
            got += s.readAll();
        QVERIFY2(got.startsWith("HTTP/1.1 200"), got.constData());
    }
};

QTEST_GUILESS_MAIN(TestListener)
#include "tst_listener.moc"
