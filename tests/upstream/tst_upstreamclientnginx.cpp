#include "nginxprocess.h"
#include "resultsink.h"

#include "gateway/upstream/upstreamclient.h"

#include <QRandomGenerator>
#include <QSet>
#include <QTest>

using namespace gw::upstream;
using gwtest::NginxProcess;
using gwtest::ResultSink;
using gwtest::makeRequest;

namespace {

QSet<QByteArray> connectionsIn(const QList<QList<QByteArray>> &log)
{
    QSet<QByteArray> ids;
    for (const QList<QByteArray> &fields : log)
        ids.insert(fields.value(0));
    return ids;
}

QByteArray randomBytes(qsizetype size)
{
    QByteArray out(size, Qt::Uninitialized);
    QRandomGenerator rng(7);
    for (char &c : out)
        c = char(rng.bounded(256));
    return out;
}

} // namespace

// UpstreamClient against a real nginx started from a temporary config: the peer a gateway meets
// in practice. nginx's access log ($connection) shows which connection served each request.
class TestUpstreamClientNginx : public QObject
{
    Q_OBJECT

private slots:
    void sequentialRequestsShareOneConnection()
    {
        NginxProcess nginx;
        QVERIFY2(nginx.start("location /hello { return 200 'hello'; }"), qPrintable(nginx.errorText()));
        UpstreamClient client;
        ResultSink sink;
        for (int i = 0; i < 50; ++i) {
            client.send(makeRequest(nginx.url(QStringLiteral("/hello"))), sink.callback());
            QTRY_COMPARE(sink.size(), i + 1);
            QCOMPARE(sink.response(i).body, QByteArray("hello"));
        }
        QTRY_COMPARE(nginx.accessLog().size(), 50);
        QCOMPARE(connectionsIn(nginx.accessLog()).size(), 1);
        QCOMPARE(client.connectionsOpened(), quint64(1));
    }

    void connectionsNginxRetiresAfterKeepaliveRequestsAreReplaced()
    {
        NginxProcess nginx;
        QVERIFY2(nginx.start("keepalive_requests 5;\nlocation / { return 200 'ok'; }"), qPrintable(nginx.errorText()));
        UpstreamClient client;
        ResultSink sink;
        for (int i = 0; i < 20; ++i) {
            client.send(makeRequest(nginx.url(QStringLiteral("/"))), sink.callback());
            QTRY_COMPARE(sink.size(), i + 1);
            QCOMPARE(sink.kind(i), QStringLiteral("none"));
        }
        QTRY_COMPARE(nginx.accessLog().size(), 20);
        QCOMPARE(connectionsIn(nginx.accessLog()).size(), 4);
        QCOMPARE(client.connectionsOpened(), quint64(4));
    }

    void fiftyConcurrentRequestsUseFiftyConnections()
    {
        NginxProcess nginx;
        QVERIFY2(nginx.start("location / { return 200 'ok'; }"), qPrintable(nginx.errorText()));
        UpstreamClient client;
        ResultSink sink;
        for (int i = 0; i < 50; ++i)
            client.send(makeRequest(nginx.url(QStringLiteral("/"))), sink.callback());
        QTRY_COMPARE_WITH_TIMEOUT(sink.size(), 50, 10000);
        for (int i = 0; i < 50; ++i)
            QCOMPARE(sink.response(i).status, 200);
        QCOMPARE(client.connectionsOpened(), quint64(50));
        QTRY_COMPARE(nginx.accessLog().size(), 50);
        QCOMPARE(connectionsIn(nginx.accessLog()).size(), 50);
    }

    void staticFileArrivesByteForByteAndHeadLeavesTheConnectionUsable()
    {
        NginxProcess nginx;
        const QByteArray content = randomBytes(3 * 1024 * 1024 + 5);
        QVERIFY(nginx.addFile(QStringLiteral("blob.bin"), content));
        QVERIFY2(nginx.start("location / { }"), qPrintable(nginx.errorText()));
        UpstreamClient client;
        ResultSink sink;
        client.send(makeRequest(nginx.url(QStringLiteral("/blob.bin")), "HEAD"), sink.callback());
        QTRY_COMPARE(sink.size(), 1);
        QCOMPARE(sink.response(0).headers.value("content-length"), QByteArray::number(content.size()));
        QVERIFY(sink.response(0).body.isEmpty());
        client.send(makeRequest(nginx.url(QStringLiteral("/blob.bin"))), sink.callback());
        QTRY_COMPARE_WITH_TIMEOUT(sink.size(), 2, 10000);
        QVERIFY(sink.response(1).body == content);
        QCOMPARE(client.connectionsOpened(), quint64(1));
    }

    void gzipOutputComesChunked()
    {
        NginxProcess nginx;
        QVERIFY(nginx.addFile(QStringLiteral("text.txt"), QByteArray("compress me please ").repeated(5000)));
        QVERIFY2(nginx.start("location / { }", "gzip on; gzip_types text/plain; gzip_min_length 1;"), qPrintable(nginx.errorText()));
        UpstreamClient client;
        ResultSink sink;
        UpstreamRequest request = makeRequest(nginx.url(QStringLiteral("/text.txt")));
        request.headers.append("Accept-Encoding", "gzip");
        client.send(request, sink.callback());
        QTRY_COMPARE(sink.size(), 1);
        const gw::HttpResponse response = sink.response();
        QCOMPARE(response.headers.value("transfer-encoding"), QByteArray("chunked"));
        QCOMPARE(response.headers.value("content-encoding"), QByteArray("gzip"));
        QVERIFY(response.body.startsWith("\x1f\x8b"));
        QVERIFY(response.body.size() > 20 && response.body.size() < 95000);
        client.send(makeRequest(nginx.url(QStringLiteral("/text.txt"))), sink.callback());
        QTRY_COMPARE(sink.size(), 2);
        QCOMPARE(sink.response(1).body.size(), 95000);
        QCOMPARE(client.connectionsOpened(), quint64(1));
    }

    void fileOverTheTenMegabyteLimitIsTooLarge()
    {
        NginxProcess nginx;
        QVERIFY(nginx.addFile(QStringLiteral("huge.bin"), QByteArray(10 * 1024 * 1024 + 1, 'x')));
        QVERIFY2(nginx.start("location / { }"), qPrintable(nginx.errorText()));
        UpstreamClient client;
        ResultSink sink;
        client.send(makeRequest(nginx.url(QStringLiteral("/huge.bin"))), sink.callback());
        QTRY_COMPARE(sink.size(), 1);
        QCOMPARE(sink.kind(), QStringLiteral("TooLarge"));
    }

    void errorStatusesAreResponsesNotFailures()
    {
        NginxProcess nginx;
        QVERIFY2(nginx.start("location / { }"), qPrintable(nginx.errorText()));
        UpstreamClient client;
        ResultSink sink;
        client.send(makeRequest(nginx.url(QStringLiteral("/missing"))), sink.callback());
        QTRY_COMPARE(sink.size(), 1);
        QCOMPARE(sink.kind(), QStringLiteral("none"));
        QCOMPARE(sink.response().status, 404);
        QVERIFY(sink.response().body.contains("404 Not Found"));
    }

    // nginx's DAV module stores a PUT body as a file: read back, it shows every byte arrived.
    void largePutBodyIsStoredWholeAndTheConnectionKept()
    {
        NginxProcess nginx;
        QVERIFY2(nginx.start("client_max_body_size 20m;\nlocation /store/ { dav_methods PUT; create_full_put_path on; }"),
                 qPrintable(nginx.errorText()));
        UpstreamClient client;
        ResultSink sink;
        const QByteArray body = randomBytes(6 * 1024 * 1024 + 3);
        client.send(makeRequest(nginx.url(QStringLiteral("/store/blob.bin")), "PUT", body), sink.callback());
        QTRY_COMPARE_WITH_TIMEOUT(sink.size(), 1, 10000);
        QCOMPARE(sink.response().status, 201);
        client.send(makeRequest(nginx.url(QStringLiteral("/store/blob.bin"))), sink.callback());
        QTRY_COMPARE_WITH_TIMEOUT(sink.size(), 2, 10000);
        QVERIFY(sink.response(1).body == body);
        QCOMPARE(client.connectionsOpened(), quint64(1));
    }

    // nginx answers `return` before reading a body: the connection, with part of the body still
    // unsent, can't carry another request and is replaced.
    void answerBeforeTheBodyIsSentRetiresTheConnection()
    {
        NginxProcess nginx;
        QVERIFY2(nginx.start("client_max_body_size 20m;\nlocation / { return 201 'early'; }"), qPrintable(nginx.errorText()));
        UpstreamClient client;
        ResultSink sink;
        client.send(makeRequest(nginx.url(QStringLiteral("/")), "POST", randomBytes(6 * 1024 * 1024)), sink.callback());
        QTRY_COMPARE_WITH_TIMEOUT(sink.size(), 1, 10000);
        QCOMPARE(sink.response().body, QByteArray("early"));
        client.send(makeRequest(nginx.url(QStringLiteral("/")), "POST", "small"), sink.callback());
        QTRY_COMPARE(sink.size(), 2);
        QCOMPARE(sink.response(1).body, QByteArray("early"));
        QCOMPARE(client.connectionsOpened(), quint64(2));
    }
};

QTEST_GUILESS_MAIN(TestUpstreamClientNginx)
#include "tst_upstreamclientnginx.moc"
