#include "resultsink.h"
#include "scriptedserver.h"

#include "gateway/upstream/awsintegrationerror.h"
#include "gateway/upstream/upstreamclient.h"

#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <memory>

using namespace gw::upstream;
using gwtest::Reply;
using gwtest::ReceivedRequest;
using gwtest::ResultSink;
using gwtest::ScriptedServer;
using gwtest::makeRequest;

namespace {

// A port where nothing listens: bound, then released.
quint16 closedPort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

} // namespace

// UpstreamClient when things go wrong: timeouts, refusals, bad input, bad responses,
// cancellation, and connections the server closed while they sat in the pool.
class TestUpstreamClientFailures : public QObject
{
    Q_OBJECT

private slots:
    void serverThatNeverAnswersTimesOut()
    {
        ScriptedServer server([](const ReceivedRequest &) { return Reply::never(); });
        QVERIFY(server.listen());
        UpstreamClient client;
        ResultSink sink;
        UpstreamRequest request = makeRequest(server.url(QStringLiteral("/slow")));
        request.timeoutMs = 200;
        client.send(request, sink.callback());
        QTRY_COMPARE(sink.size(), 1);
        QCOMPARE(sink.kind(), QStringLiteral("Timeout"));
        QVERIFY2(sink.message().contains(QStringLiteral("no complete response")), qPrintable(sink.message()));
        QCOMPARE(server.requestCount(), 1);
        QTRY_COMPARE(server.openConnections(), 0); // the timed-out connection is closed
        const AwsIntegrationError aws = AwsIntegrationError::from(std::get<UpstreamError>(sink.at(0)));
        QCOMPARE(aws.status, 504);
        QCOMPARE(aws.message, QStringLiteral("Endpoint request timed out"));
    }

    // Backlog 0 and nobody accepting: once the kernel's queue holds one connection, further
    // SYNs are dropped and connecting hangs.
    void connectTimesOutWhenTheServerDoesNotAccept()
    {
        QTcpServer full;
        full.setListenBacklogSize(0);
        QVERIFY(full.listen(QHostAddress::LocalHost, 0));
        full.pauseAccepting();
        QList<std::shared_ptr<QTcpSocket>> fillers;
        for (int i = 0; i < 4; ++i) {
            fillers.append(std::make_shared<QTcpSocket>());
            fillers.last()->connectToHost(QHostAddress::LocalHost, full.serverPort());
        }
        UpstreamClient client;
        ResultSink sink;
        UpstreamRequest request = makeRequest(QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(full.serverPort())));
        request.connectTimeoutMs = 300;
        client.send(request, sink.callback());
        QTRY_COMPARE(sink.size(), 1);
        QCOMPARE(sink.kind(), QStringLiteral("Timeout"));
        QVERIFY2(sink.message().contains(QStringLiteral("connect")), qPrintable(sink.message()));
        QCOMPARE(client.openConnections(), 0);
    }

    void queuedRequestTimesOutWaitingForAConnection()
    {
        ScriptedServer server([](const ReceivedRequest &) { return Reply::never(); });
        QVERIFY(server.listen());
        UpstreamClient::Options options;
        options.maxConnectionsPerHost = 1;
        UpstreamClient client(options);
        ResultSink first, second;
        CancelHandle busy = client.send(makeRequest(server.url(QStringLiteral("/1"))), first.callback());
        UpstreamRequest request = makeRequest(server.url(QStringLiteral("/2")));
        request.timeoutMs = 100;
        client.send(request, second.callback());
        QCOMPARE(client.queuedRequests(), 1);
        QTRY_COMPARE(second.size(), 1);
        QCOMPARE(second.kind(), QStringLiteral("Timeout"));
        QVERIFY2(second.message().contains(QStringLiteral("no connection")), qPrintable(second.message()));
        QCOMPARE(client.queuedRequests(), 0);
        QCOMPARE(server.requestCount(), 1);
        busy.cancel();
    }

    void refusedConnectionIsReported()
    {
        UpstreamClient client;
        ResultSink sink;
        client.send(makeRequest(QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(closedPort()))), sink.callback());
        QTRY_COMPARE(sink.size(), 1);
        QCOMPARE(sink.kind(), QStringLiteral("ConnectRefused"));
        QCOMPARE(AwsIntegrationError::from(std::get<UpstreamError>(sink.at(0))).status, 500);
        QCOMPARE(client.openConnections(), 0);
    }

    void invalidRequestsAreAnsweredLaterNotInsideSend_data()
    {
        QTest::addColumn<QUrl>("url");
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QByteArray>("headerValue");
        QTest::newRow("ftp URL") << QUrl(QStringLiteral("ftp://127.0.0.1/")) << QByteArray("GET") << QByteArray("v");
        QTest::newRow("no host") << QUrl(QStringLiteral("http:///path")) << QByteArray("GET") << QByteArray("v");
        QTest::newRow("relative URL") << QUrl(QStringLiteral("/path")) << QByteArray("GET") << QByteArray("v");
        QTest::newRow("method with a space") << QUrl(QStringLiteral("http://127.0.0.1:1/")) << QByteArray("GET /x") << QByteArray("v");
        QTest::newRow("header value splitting the request") << QUrl(QStringLiteral("http://127.0.0.1:1/")) << QByteArray("GET")
                                                            << QByteArray("v\r\n\r\nGET /admin HTTP/1.1");
    }
    void invalidRequestsAreAnsweredLaterNotInsideSend()
    {
        QFETCH(QUrl, url);
        QFETCH(QByteArray, method);
        QFETCH(QByteArray, headerValue);
        UpstreamClient client;
        ResultSink sink;
        UpstreamRequest request = makeRequest(url, method);
        request.headers.append("X-Value", headerValue);
        client.send(request, sink.callback());
        QCOMPARE(sink.size(), 0);
        QTRY_COMPARE(sink.size(), 1);
        QCOMPARE(sink.kind(), QStringLiteral("InvalidRequest"));
        QCOMPARE(client.connectionsOpened(), quint64(0));
    }

    void cancelledInvalidRequestIsNeverAnswered()
    {
        UpstreamClient client;
        ResultSink sink;
        client.send(makeRequest(QUrl(QStringLiteral("ftp://127.0.0.1/"))), sink.callback()).cancel();
        ResultSink later;
        client.send(makeRequest(QUrl(QStringLiteral("ftp://127.0.0.1/"))), later.callback());
        QTRY_COMPARE(later.size(), 1); // posted after the cancelled one's answer would have come
        QCOMPARE(sink.size(), 0);
    }

    void badResponsesAreProtocolErrorsAndTheConnectionIsDropped_data()
    {
        QTest::addColumn<QByteArray>("response");
        QTest::addColumn<QString>("kind");
        QTest::newRow("not HTTP") << QByteArray("SSH-2.0-OpenSSH\r\n") << QStringLiteral("ProtocolError");
        QTest::newRow("conflicting lengths") << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab")
                                             << QStringLiteral("ProtocolError");
        QTest::newRow("bad chunk size") << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n")
                                        << QStringLiteral("ProtocolError");
        QTest::newRow("body over the limit") << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 5000\r\n\r\n")
                                             << QStringLiteral("TooLarge");
    }
    void badResponsesAreProtocolErrorsAndTheConnectionIsDropped()
    {
        QFETCH(QByteArray, response);
        QFETCH(QString, kind);
        ScriptedServer server([&](const ReceivedRequest &r) {
            return r.target == "/good" ? Reply::ok("fine") : Reply::raw(response);
        });
        QVERIFY(server.listen());
        UpstreamClient::Options options;
        options.limits.maxBodyBytes = 1000;
        UpstreamClient client(options);
        ResultSink sink;
        client.send(makeRequest(server.url(QStringLiteral("/bad"))), sink.callback());
        QTRY_COMPARE(sink.size(), 1);
        QCOMPARE(sink.kind(), kind);
        QCOMPARE(AwsIntegrationError::from(std::get<UpstreamError>(sink.at(0))).status, 502);
        QTRY_COMPARE(server.openConnections(), 0);
        client.send(makeRequest(server.url(QStringLiteral("/good"))), sink.callback());
        QTRY_COMPARE(sink.size(), 2);
        QCOMPARE(sink.response(1).body, QByteArray("fine"));
        QCOMPARE(server.accepted(), 2);
    }

    void connectionClosedInsideTheBodyIsAProtocolError()
    {
        ScriptedServer server([](const ReceivedRequest &) {
            return Reply::raw("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nonly part").closing();
        });
        QVERIFY(server.listen());
        UpstreamClient client;
        ResultSink sink;
        client.send(makeRequest(server.url(QStringLiteral("/"))), sink.callback());
        QTRY_COMPARE(sink.size(), 1);
        QCOMPARE(sink.kind(), QStringLiteral("ProtocolError"));
        QCOMPARE(server.requestCount(), 1);
    }

    void cancelledRequestNeverCallsBackAndItsConnectionCloses()
    {
        ScriptedServer server([](const ReceivedRequest &) { return Reply::ok("late").delayed(100); });
        QVERIFY(server.listen());
        UpstreamClient client;
        ResultSink sink;
        CancelHandle handle = client.send(makeRequest(server.url(QStringLiteral("/"))), sink.callback());
        QTRY_COMPARE(server.requestCount(), 1);
        QVERIFY(handle.isPending());
        handle.cancel();
        QVERIFY(!handle.isPending());
        QCOMPARE(client.openConnections(), 0);
        QTRY_COMPARE(server.openConnections(), 0);
        QTest::qWait(200); // past the server's delay: nothing may arrive
        QCOMPARE(sink.size(), 0);
    }

    void cancelWhileConnectingKeepsTheConnectionForTheNextRequest()
    {
        ScriptedServer server([](const ReceivedRequest &) { return Reply::ok("ok"); });
        QVERIFY(server.listen());
        UpstreamClient client;
        ResultSink sink;
        client.send(makeRequest(server.url(QStringLiteral("/first"))), sink.callback()).cancel();
        QTRY_COMPARE(client.idleConnections(), 1);
        client.send(makeRequest(server.url(QStringLiteral("/second"))), sink.callback());
        QTRY_COMPARE(sink.size(), 1);
        QCOMPARE(sink.response().body, QByteArray("ok"));
        QCOMPARE(server.accepted(), 1);
        QCOMPARE(server.requestCount(), 1);
        QCOMPARE(server.requests().at(0).target, QByteArray("/second"));
    }

    void cancelWhileQueuedNeverSendsTheRequest()
    {
        ScriptedServer server([](const ReceivedRequest &r) { return Reply::ok(r.target).delayed(50); });
        QVERIFY(server.listen());
        UpstreamClient::Options options;
        options.maxConnectionsPerHost = 1;
        UpstreamClient client(options);
        ResultSink sink;
        client.send(makeRequest(server.url(QStringLiteral("/kept"))), sink.callback());
        CancelHandle queued = client.send(makeRequest(server.url(QStringLiteral("/dropped"))), sink.callback());
        QCOMPARE(client.queuedRequests(), 1);
        queued.cancel();
        QCOMPARE(client.queuedRequests(), 0);
        QTRY_COMPARE(sink.size(), 1);
        QTest::qWait(100);
        QCOMPARE(sink.size(), 1);
        QCOMPARE(sink.response().body, QByteArray("/kept"));
        QCOMPARE(server.requestCount(), 1);
    }

    void destroyingTheClientDropsPendingRequestsSilently()
    {
        ScriptedServer server([](const ReceivedRequest &) { return Reply::never(); });
        QVERIFY(server.listen());
        ResultSink sink;
        auto client = std::make_unique<UpstreamClient>();
        CancelHandle handle = client->send(makeRequest(server.url(QStringLiteral("/"))), sink.callback());
        QTRY_COMPARE(server.requestCount(), 1);
        client.reset();
        QTRY_COMPARE(server.openConnections(), 0);
        QCOMPARE(sink.size(), 0);
        QVERIFY(!handle.isPending());
        handle.cancel(); // harmless after the client is gone
    }

    // The server takes the request, then closes without a byte: what a client sees when its
    // pooled connection had just been closed by the server's keep-alive timeout.
    void staleConnectionIsRetriedOnceOnlyForIdempotentMethods_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("kind");
        QTest::addColumn<int>("requestsSeen");
        QTest::newRow("GET is retried") << QByteArray("GET") << QStringLiteral("none") << 3;
        QTest::newRow("PUT is retried") << QByteArray("PUT") << QStringLiteral("none") << 3;
        QTest::newRow("POST is not") << QByteArray("POST") << QStringLiteral("ProtocolError") << 2;
        QTest::newRow("PATCH is not") << QByteArray("PATCH") << QStringLiteral("ProtocolError") << 2;
    }
    void staleConnectionIsRetriedOnceOnlyForIdempotentMethods()
    {
        QFETCH(QByteArray, method);
        QFETCH(QString, kind);
        QFETCH(int, requestsSeen);
        ScriptedServer server([](const ReceivedRequest &r) { return Reply::ok("ok").hangUpIf(r.indexOnConnection > 1); });
        QVERIFY(server.listen());
        UpstreamClient client;
        ResultSink sink;
        client.send(makeRequest(server.url(QStringLiteral("/warm"))), sink.callback());
        QTRY_COMPARE(sink.size(), 1);
        client.send(makeRequest(server.url(QStringLiteral("/again")), method, "x"), sink.callback());
        QTRY_COMPARE(sink.size(), 2);
        QCOMPARE(sink.kind(1), kind);
        QCOMPARE(server.requestCount(), requestsSeen);
    }

    void retryOnAFreshConnectionThatFailsTooIsNotRepeated()
    {
        ScriptedServer server([](const ReceivedRequest &r) {
            return Reply::ok("ok").hangUpIf(r.connection > 1 || r.indexOnConnection > 1);
        });
        QVERIFY(server.listen());
        UpstreamClient client;
        ResultSink sink;
        client.send(makeRequest(server.url(QStringLiteral("/warm"))), sink.callback());
        QTRY_COMPARE(sink.size(), 1);
        client.send(makeRequest(server.url(QStringLiteral("/again"))), sink.callback());
        QTRY_COMPARE(sink.size(), 2);
        QCOMPARE(sink.kind(1), QStringLiteral("ProtocolError"));
        QTest::qWait(50);
        QCOMPARE(server.requestCount(), 3);
        QCOMPARE(server.accepted(), 2);
    }

    void connectionTheServerClosedWhileIdleIsNotUsed()
    {
        ScriptedServer server([](const ReceivedRequest &) { return Reply::ok("ok"); });
        QVERIFY(server.listen());
        UpstreamClient client;
        ResultSink sink;
        client.send(makeRequest(server.url(QStringLiteral("/"))), sink.callback());
        QTRY_COMPARE(sink.size(), 1);
        server.closeIdleConnections();
        QTRY_COMPARE(client.idleConnections(), 0);
        client.send(makeRequest(server.url(QStringLiteral("/")), "POST", "body"), sink.callback());
        QTRY_COMPARE(sink.size(), 2);
        QCOMPARE(sink.kind(1), QStringLiteral("none"));
        QCOMPARE(server.requestCount(), 2);
        QCOMPARE(server.accepted(), 2);
    }

    void callbackMaySendTheNextRequest()
    {
        ScriptedServer server([](const ReceivedRequest &r) { return Reply::ok(r.target); });
        QVERIFY(server.listen());
        UpstreamClient client;
        QList<QByteArray> bodies;
        std::function<void(int)> chain = [&](int n) {
            client.send(makeRequest(server.url(QStringLiteral("/%1").arg(n))), [&, n](UpstreamResult r) {
                bodies.append(std::get<gw::HttpResponse>(r).body);
                if (n < 5)
                    chain(n + 1);
            });
        };
        chain(1);
        QTRY_COMPARE(bodies.size(), 5);
        QCOMPARE(bodies, (QList<QByteArray>{"/1", "/2", "/3", "/4", "/5"}));
        QCOMPARE(server.accepted(), 1);
    }
};

QTEST_GUILESS_MAIN(TestUpstreamClientFailures)
#include "tst_upstreamclientfailures.moc"
