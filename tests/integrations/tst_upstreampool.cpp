#include "upstreamserver.h"

#include "gateway/integrations/upstreampool.h"

#include <QDeadlineTimer>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

using gw::integrations::UpstreamPool;
using gw::pipeline::EndpointRequest;
using gw::pipeline::EndpointResult;
using gwtest::UpstreamServer;

// The engine's upstream client against real servers on loopback.
class TestUpstreamPool : public QObject
{
    Q_OBJECT

    static EndpointRequest get(const QString &url, int timeoutMs = 5000)
    {
        EndpointRequest r;
        r.method = "GET";
        r.url = QUrl(url);
        r.timeoutMs = timeoutMs;
        return r;
    }

    // Sends and waits (a test-only local wait; the engine never waits).
    static EndpointResult sendAndWait(UpstreamPool &pool, const EndpointRequest &request)
    {
        std::optional<EndpointResult> result;
        pool.send(request, [&](EndpointResult r) { result = std::move(r); });
        QDeadlineTimer deadline(15000);
        while (!result && !deadline.hasExpired())
            QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
        if (!result)
            return {EndpointResult::Error::Cancelled, QStringLiteral("no answer within 15 s"), 0, {}, {}};
        return *result;
    }

private slots:
    void keepAliveReusesOneConnection()
    {
        UpstreamServer server;
        server.setHandler([](const gw::HttpRequest &r) { return UpstreamServer::Answer{gw::HttpResponse{200, {}, r.target}, 0}; });
        UpstreamPool pool;
        for (int i = 0; i < 20; ++i) {
            const EndpointResult r = sendAndWait(pool, get(server.baseUrl() + QStringLiteral("/n/%1?x=%2").arg(i).arg(i)));
            QCOMPARE(r.error, EndpointResult::Error::None);
            QCOMPARE(r.status, 200);
            QCOMPARE(r.body, QByteArray("/n/") + QByteArray::number(i) + "?x=" + QByteArray::number(i));
        }
        QCOMPARE(server.connectionsAccepted(), 1);
        QCOMPARE(pool.connectionsOpened(), quint64(1));
    }

    void requestIsWrittenWithHostAndContentLength()
    {
        UpstreamServer server;
        UpstreamPool pool;
        EndpointRequest r = get(server.baseUrl() + QStringLiteral("/post"));
        r.method = "POST";
        r.body = "payload";
        r.headers.append("X-Custom", "1");
        QCOMPARE(sendAndWait(pool, r).status, 200);
        const gw::HttpRequest &seen = server.received().last();
        QCOMPARE(seen.method, QByteArray("POST"));
        QCOMPARE(seen.body, QByteArray("payload"));
        QCOMPARE(seen.headers.value("Content-Length"), QByteArray("7"));
        QCOMPARE(seen.headers.value("Host"), QByteArray("127.0.0.1:") + QByteArray::number(server.port()));
        QCOMPARE(seen.headers.value("X-Custom"), QByteArray("1"));
    }

    void manyConcurrentRequestsToOneHostRunAtOnce()
    {
        // QNetworkAccessManager would hold all but 6 back; the pool opens what is needed.
        UpstreamServer server;
        server.setHandler([](const gw::HttpRequest &) { return UpstreamServer::Answer{gw::HttpResponse{200, {}, "slow"}, 300}; });
        UpstreamPool pool;
        int answered = 0;
        for (int i = 0; i < 40; ++i)
            pool.send(get(server.baseUrl() + QStringLiteral("/slow")), [&](EndpointResult r) { answered += r.status == 200; });
        QTRY_COMPARE_WITH_TIMEOUT(answered, 40, 15000);
        QCOMPARE(server.maxOpenConnections(), 40);
    }

    void queueWaitsWhenTheHostIsAtItsLimit()
    {
        UpstreamServer server;
        server.setHandler([](const gw::HttpRequest &) { return UpstreamServer::Answer{gw::HttpResponse{200, {}, "ok"}, 50}; });
        UpstreamPool pool(2);
        int answered = 0;
        for (int i = 0; i < 10; ++i)
            pool.send(get(server.baseUrl() + QStringLiteral("/q")), [&](EndpointResult r) { answered += r.status == 200; });
        QTRY_COMPARE_WITH_TIMEOUT(answered, 10, 15000);
        QCOMPARE(server.maxOpenConnections(), 2);
    }

    void totalTimeoutFires()
    {
        UpstreamServer server;
        server.setHandler([](const gw::HttpRequest &) { return UpstreamServer::Answer{gw::HttpResponse{200, {}, "late"}, 3000}; });
        UpstreamPool pool;
        const EndpointResult r = sendAndWait(pool, get(server.baseUrl() + QStringLiteral("/late"), 200));
        QCOMPARE(r.error, EndpointResult::Error::Timeout);
    }

    void refusedConnectionIsReported()
    {
        quint16 port;
        {
            QTcpServer probe;
            probe.listen(QHostAddress::LocalHost, 0);
            port = probe.serverPort();
        }
        UpstreamPool pool;
        const EndpointResult r = sendAndWait(pool, get(QStringLiteral("http://127.0.0.1:%1/").arg(port)));
        QCOMPARE(r.error, EndpointResult::Error::ConnectionRefused);
        QCOMPARE(pool.openConnections(), 0);
    }

    void staleKeepAliveConnectionIsRetriedOnce()
    {
        UpstreamServer server;
        UpstreamPool pool;
        QCOMPARE(sendAndWait(pool, get(server.baseUrl() + QStringLiteral("/a"))).status, 200);
        server.closeAllConnections(); // the endpoint drops the idle connection
        QTest::qWait(50);
        const EndpointResult r = sendAndWait(pool, get(server.baseUrl() + QStringLiteral("/b")));
        QCOMPARE(r.error, EndpointResult::Error::None);
        QCOMPARE(r.status, 200);
        QCOMPARE(server.connectionsAccepted(), 2);
    }

    void nonIdempotentRequestIsNeverSentTwice_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::newRow("POST") << QByteArray("POST");
        QTest::newRow("PATCH") << QByteArray("PATCH");
    }
    void nonIdempotentRequestIsNeverSentTwice()
    {
        QFETCH(QByteArray, method);
        UpstreamServer server;
        server.setHandler([method](const gw::HttpRequest &r) {
            UpstreamServer::Answer a{gw::HttpResponse{200, {}, "ok"}, 0};
            a.dropConnection = r.method == method; // reads it, then goes away without a word
            return a;
        });
        UpstreamPool pool;
        QCOMPARE(sendAndWait(pool, get(server.baseUrl() + QStringLiteral("/warm"))).status, 200);
        EndpointRequest r = get(server.baseUrl() + QStringLiteral("/orders"));
        r.method = method;
        r.body = "{}";
        const EndpointResult result = sendAndWait(pool, r);
        QCOMPARE(result.error, EndpointResult::Error::NetworkError);
        QCOMPARE(server.received().size(), 2); // the warm-up GET and the request, once
        QCOMPARE(server.connectionsAccepted(), 1);
    }

    void idempotentRequestIsRetriedOnceAfterAStaleConnectionDies()
    {
        UpstreamServer server;
        int drops = 0;
        server.setHandler([&drops](const gw::HttpRequest &r) {
            UpstreamServer::Answer a{gw::HttpResponse{200, {}, "ok"}, 0};
            a.dropConnection = r.target == "/item" && drops++ < 5;
            return a;
        });
        UpstreamPool pool;
        QCOMPARE(sendAndWait(pool, get(server.baseUrl() + QStringLiteral("/warm"))).status, 200);
        EndpointRequest put = get(server.baseUrl() + QStringLiteral("/item"));
        put.method = "PUT";
        put.body = "{}";
        // Dropped on the pooled connection, dropped again on the fresh one: two sends, no third.
        QCOMPARE(sendAndWait(pool, put).error, EndpointResult::Error::NetworkError);
        QCOMPARE(drops, 2);
    }

    // A POST after the endpoint closed the idle connection is not lost: it goes out on a fresh
    // connection (the pool has seen the close, or peeks and sees it), never needing a retry.
    void postAfterTheEndpointClosedTheIdleConnectionUsesAFreshOne()
    {
        UpstreamServer server;
        UpstreamPool pool;
        QCOMPARE(sendAndWait(pool, get(server.baseUrl() + QStringLiteral("/a"))).status, 200);
        server.closeAllConnections();
        QTRY_COMPARE(server.openConnections(), 0);
        EndpointRequest post = get(server.baseUrl() + QStringLiteral("/b"));
        post.method = "POST";
        post.body = "x";
        const EndpointResult r = sendAndWait(pool, post);
        QCOMPARE(r.error, EndpointResult::Error::None);
        QCOMPARE(r.status, 200);
        QCOMPARE(server.connectionsAccepted(), 2);
    }

    void cancelledRequestNeverCallsBack()
    {
        UpstreamServer server;
        server.setHandler([](const gw::HttpRequest &) { return UpstreamServer::Answer{gw::HttpResponse{200, {}, "x"}, 200}; });
        UpstreamPool pool;
        bool called = false;
        auto cancel = pool.send(get(server.baseUrl() + QStringLiteral("/c")), [&](EndpointResult) { called = true; });
        QTRY_COMPARE(server.received().size(), 1);
        cancel();
        QTest::qWait(400);
        QVERIFY(!called);
        // The pool still works afterwards.
        QCOMPARE(sendAndWait(pool, get(server.baseUrl() + QStringLiteral("/d"))).status, 200);
    }

    void localhostSubdomainsGoToLoopback()
    {
        UpstreamServer server;
        UpstreamPool pool;
        const EndpointResult r = sendAndWait(pool, get(QStringLiteral("http://api.example.localhost:%1/x").arg(server.port())));
        QCOMPARE(r.status, 200);
        QCOMPARE(server.received().last().headers.value("Host"), QByteArray("api.example.localhost:") + QByteArray::number(server.port()));
    }

    void nonHttpUrlIsAnInvalidEndpoint()
    {
        UpstreamPool pool;
        QCOMPARE(sendAndWait(pool, get(QStringLiteral("ftp://127.0.0.1/x"))).error, EndpointResult::Error::InvalidEndpoint);
    }
};

QTEST_GUILESS_MAIN(TestUpstreamPool)
#include "tst_upstreampool.moc"
