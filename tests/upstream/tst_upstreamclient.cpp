#include "resultsink.h"
#include "scriptedserver.h"

#include "gateway/upstream/upstreamclient.h"

#include <QCryptographicHash>
#include <QTest>

using namespace gw::upstream;
using gwtest::Reply;
using gwtest::ReceivedRequest;
using gwtest::ResultSink;
using gwtest::ScriptedServer;
using gwtest::makeRequest;

// UpstreamClient against a scripted server on loopback: what goes on the wire, what comes back,
// and how connections are pooled and shared.
class TestUpstreamClient : public QObject
{
    Q_OBJECT

private slots:
    void getSendsOneWellFormedRequestAndReturnsTheResponse()
    {
        ScriptedServer server([](const ReceivedRequest &) {
            return Reply::ok("hello", "X-Upstream: yes\r\nx-lower: kept\r\n");
        });
        QVERIFY(server.listen());
        UpstreamClient client;
        ResultSink sink;
        UpstreamRequest request = makeRequest(server.url(QStringLiteral("/pets/1?a=b%20c&x=1")));
        request.headers.append("X-Custom", "value");
        request.headers.append("Content-Length", "99"); // the client frames the body itself
        client.send(request, sink.callback());
        QTRY_COMPARE(sink.size(), 1);
        QCOMPARE(sink.kind(), QStringLiteral("none"));
        const gw::HttpResponse response = sink.response();
        QCOMPARE(response.status, 200);
        QCOMPARE(response.body, QByteArray("hello"));
        QCOMPARE(response.headers.entries().at(1), gw::HeaderList::Entry("X-Upstream", "yes"));
        QCOMPARE(response.headers.entries().at(2), gw::HeaderList::Entry("x-lower", "kept"));
        const ReceivedRequest &got = server.requests().at(0);
        QCOMPARE(got.method, QByteArray("GET"));
        QCOMPARE(got.target, QByteArray("/pets/1?a=b%20c&x=1"));
        QCOMPARE(got.headers.value("host"), "127.0.0.1:" + QByteArray::number(server.port()));
        QCOMPARE(got.headers.value("x-custom"), QByteArray("value"));
        QVERIFY(!got.headers.contains("content-length"));
    }

    void postBodyGoesWithContentLength()
    {
        ScriptedServer server([](const ReceivedRequest &r) { return Reply::ok(r.body.toUpper()); });
        QVERIFY(server.listen());
        UpstreamClient client;
        ResultSink sink;
        UpstreamRequest request = makeRequest(server.url(QStringLiteral("/echo")), "POST", "{\"a\":1}");
        request.headers.append("Transfer-Encoding", "chunked");
        client.send(request, sink.callback());
        QTRY_COMPARE(sink.size(), 1);
        QCOMPARE(sink.response().body, QByteArray("{\"A\":1}"));
        QCOMPARE(server.requests().at(0).headers.value("content-length"), QByteArray("7"));
        QVERIFY(!server.requests().at(0).headers.contains("transfer-encoding"));
    }

    void emptyPostStillSendsContentLengthZero()
    {
        ScriptedServer server([](const ReceivedRequest &) { return Reply::ok("ok"); });
        QVERIFY(server.listen());
        UpstreamClient client;
        ResultSink sink;
        client.send(makeRequest(server.url(QStringLiteral("/")), "POST"), sink.callback());
        QTRY_COMPARE(sink.size(), 1);
        QCOMPARE(server.requests().at(0).headers.value("content-length"), QByteArray("0"));
    }

    void largeRequestBodyArrivesWhole()
    {
        ScriptedServer server([](const ReceivedRequest &r) {
            return Reply::ok(QCryptographicHash::hash(r.body, QCryptographicHash::Sha256).toHex());
        });
        QVERIFY(server.listen());
        QByteArray body(8 * 1024 * 1024 + 17, '\0');
        for (qsizetype i = 0; i < body.size(); ++i)
            body[i] = char(i * 31 + (i >> 12));
        UpstreamClient client;
        ResultSink sink;
        client.send(makeRequest(server.url(QStringLiteral("/upload")), "PUT", body), sink.callback());
        QTRY_COMPARE_WITH_TIMEOUT(sink.size(), 1, 20000);
        QCOMPARE(sink.response().body, QCryptographicHash::hash(body, QCryptographicHash::Sha256).toHex());
    }

    void chunkedResponseArrivingInPiecesIsJoined()
    {
        ScriptedServer server([](const ReceivedRequest &) { return Reply::chunked({"first ", "second ", "third"}).paced(10); });
        QVERIFY(server.listen());
        UpstreamClient client;
        ResultSink sink;
        client.send(makeRequest(server.url(QStringLiteral("/"))), sink.callback());
        client.send(makeRequest(server.url(QStringLiteral("/"))), sink.callback());
        QTRY_COMPARE(sink.size(), 2);
        QCOMPARE(sink.response(0).body, QByteArray("first second third"));
        QCOMPARE(sink.response(1).body, QByteArray("first second third"));
    }

    void closeDelimitedResponseEndsWithTheConnection()
    {
        ScriptedServer server([](const ReceivedRequest &) {
            return Reply::raw("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\nuntil close").closing();
        });
        QVERIFY(server.listen());
        UpstreamClient client;
        ResultSink sink;
        client.send(makeRequest(server.url(QStringLiteral("/a"))), sink.callback());
        QTRY_COMPARE(sink.size(), 1);
        client.send(makeRequest(server.url(QStringLiteral("/b"))), sink.callback());
        QTRY_COMPARE(sink.size(), 2);
        QCOMPARE(sink.response(0).body, QByteArray("until close"));
        QCOMPARE(sink.response(1).body, QByteArray("until close"));
        QCOMPARE(server.accepted(), 2);
    }

    void sequentialRequestsReuseOneConnection()
    {
        ScriptedServer server([](const ReceivedRequest &r) { return Reply::ok(r.target); });
        QVERIFY(server.listen());
        UpstreamClient client;
        ResultSink sink;
        for (int i = 0; i < 20; ++i) {
            client.send(makeRequest(server.url(QStringLiteral("/n%1").arg(i))), sink.callback());
            QTRY_COMPARE(sink.size(), i + 1);
            QCOMPARE(sink.response(i).body, "/n" + QByteArray::number(i));
        }
        QCOMPARE(server.accepted(), 1);
        QCOMPARE(client.connectionsOpened(), quint64(1));
        QCOMPARE(client.idleConnections(), 1);
    }

    void connectionIsNotReusedWhenEitherSideSaysClose_data()
    {
        QTest::addColumn<QByteArray>("response");
        QTest::addColumn<QByteArray>("requestConnection");
        QTest::newRow("server sends Connection: close") << QByteArray("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 2\r\n\r\nok") << QByteArray();
        QTest::newRow("HTTP/1.0 server") << QByteArray("HTTP/1.0 200 OK\r\nContent-Length: 2\r\n\r\nok") << QByteArray();
        QTest::newRow("caller sends Connection: close") << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok") << QByteArray("close");
        QTest::newRow("server sends bytes after the response") << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nokEXTRA") << QByteArray();
    }
    void connectionIsNotReusedWhenEitherSideSaysClose()
    {
        QFETCH(QByteArray, response);
        QFETCH(QByteArray, requestConnection);
        ScriptedServer server([&](const ReceivedRequest &) { return Reply::raw(response); });
        QVERIFY(server.listen());
        UpstreamClient client;
        ResultSink sink;
        for (int i = 0; i < 3; ++i) {
            UpstreamRequest request = makeRequest(server.url(QStringLiteral("/")));
            if (!requestConnection.isEmpty())
                request.headers.append("Connection", requestConnection);
            client.send(request, sink.callback());
            QTRY_COMPARE(sink.size(), i + 1);
            QCOMPARE(sink.response(i).body, QByteArray("ok"));
        }
        QCOMPARE(server.accepted(), 3);
        QCOMPARE(client.openConnections(), 0);
    }

    void headResponseHasNoBodyAndKeepsTheConnection()
    {
        ScriptedServer server([](const ReceivedRequest &) {
            return Reply::raw("HTTP/1.1 200 OK\r\nContent-Length: 1234\r\n\r\n");
        });
        QVERIFY(server.listen());
        UpstreamClient client;
        ResultSink sink;
        client.send(makeRequest(server.url(QStringLiteral("/")), "HEAD"), sink.callback());
        QTRY_COMPARE(sink.size(), 1);
        client.send(makeRequest(server.url(QStringLiteral("/")), "HEAD"), sink.callback());
        QTRY_COMPARE(sink.size(), 2);
        QCOMPARE(sink.response(1).headers.value("content-length"), QByteArray("1234"));
        QVERIFY(sink.response(1).body.isEmpty());
        QCOMPARE(server.accepted(), 1);
    }

    void interimContinueIsSkipped()
    {
        ScriptedServer server([](const ReceivedRequest &) {
            return Reply::raw("HTTP/1.1 100 Continue\r\n\r\n").paced(5).then(Reply::ok("final"));
        });
        QVERIFY(server.listen());
        UpstreamClient client;
        ResultSink sink;
        UpstreamRequest request = makeRequest(server.url(QStringLiteral("/")), "POST", "data");
        request.headers.append("Expect", "100-continue");
        client.send(request, sink.callback());
        QTRY_COMPARE(sink.size(), 1);
        QCOMPARE(sink.response().status, 200);
        QCOMPARE(sink.response().body, QByteArray("final"));
    }

    // A barrier: the server answers only once 20 requests are in, which a client capped at six
    // connections per host (QNetworkAccessManager) never reaches.
    void moreThanSixConcurrentRequestsToOneHostRunTogether()
    {
        ScriptedServer server([](const ReceivedRequest &) { return Reply::ok("ok"); });
        server.holdRepliesUntil(20);
        QVERIFY(server.listen());
        UpstreamClient client;
        ResultSink sink;
        for (int i = 0; i < 20; ++i)
            client.send(makeRequest(server.url(QStringLiteral("/"))), sink.callback());
        QTRY_COMPARE_WITH_TIMEOUT(sink.size(), 20, 10000);
        QCOMPARE(server.maxOpenConnections(), 20);
        QCOMPARE(client.idleConnections(), 20);
    }

    void requestsWaitForAConnectionWhenThePoolIsFull()
    {
        ScriptedServer server([](const ReceivedRequest &r) { return Reply::ok(r.target).delayed(20); });
        QVERIFY(server.listen());
        UpstreamClient::Options options;
        options.maxConnectionsPerHost = 2;
        UpstreamClient client(options);
        ResultSink sink;
        for (int i = 0; i < 7; ++i)
            client.send(makeRequest(server.url(QStringLiteral("/%1").arg(i))), sink.callback());
        QCOMPARE(client.queuedRequests(), 5);
        QTRY_COMPARE(sink.size(), 7);
        QSet<QByteArray> bodies;
        for (int i = 0; i < 7; ++i)
            bodies.insert(sink.response(i).body);
        QCOMPARE(bodies.size(), 7);
        QCOMPARE(server.accepted(), 2);
        QCOMPARE(server.maxOpenConnections(), 2);
        QCOMPARE(client.queuedRequests(), 0);
    }

    void localhostSubdomainsGoToLoopbackWithTheirHostHeader()
    {
        ScriptedServer server([](const ReceivedRequest &) { return Reply::ok("ok"); });
        QVERIFY(server.listen());
        UpstreamClient client;
        ResultSink sink;
        client.send(makeRequest(server.url(QStringLiteral("/"), QStringLiteral("api.petstore.localhost"))), sink.callback());
        QTRY_COMPARE(sink.size(), 1);
        QCOMPARE(sink.kind(), QStringLiteral("none"));
        QCOMPARE(server.requests().at(0).headers.value("host"), "api.petstore.localhost:" + QByteArray::number(server.port()));
    }

    void idleConnectionsCloseAfterTheIdleTimeout()
    {
        ScriptedServer server([](const ReceivedRequest &) { return Reply::ok("ok"); });
        QVERIFY(server.listen());
        UpstreamClient::Options options;
        options.idleTimeoutMs = 100;
        UpstreamClient client(options);
        ResultSink sink;
        client.send(makeRequest(server.url(QStringLiteral("/"))), sink.callback());
        QTRY_COMPARE(sink.size(), 1);
        QTRY_COMPARE(client.openConnections(), 0);
        QTRY_COMPARE(server.openConnections(), 0);
    }
};

QTEST_GUILESS_MAIN(TestUpstreamClient)
#include "tst_upstreamclient.moc"
