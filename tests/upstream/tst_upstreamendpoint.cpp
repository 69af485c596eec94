#include "gateway/upstream/requesthead.h"
#include "gateway/upstream/upstreamendpoint.h"

#include <QTest>

using gw::upstream::RequestHead;
using gw::upstream::UpstreamEndpoint;
using gw::upstream::UpstreamRequest;

// Endpoint keys, connect addresses and Host headers derived from integration URLs, and the
// request head the client writes.
class TestUpstreamEndpoint : public QObject
{
    Q_OBJECT

private slots:
    void urlsGiveEndpoints_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<bool>("tls");
        QTest::addColumn<int>("port");
        QTest::addColumn<QString>("connectHost");
        QTest::addColumn<QByteArray>("hostHeader");
        QTest::newRow("http default port") << "http://Example.COM/a" << false << 80 << "example.com" << QByteArray("example.com");
        QTest::newRow("https default port") << "https://example.com" << true << 443 << "example.com" << QByteArray("example.com");
        QTest::newRow("explicit port") << "http://example.com:8080/" << false << 8080 << "example.com" << QByteArray("example.com:8080");
        QTest::newRow("https on port 80 keeps it") << "https://example.com:80/" << true << 80 << "example.com" << QByteArray("example.com:80");
        QTest::newRow("localhost") << "http://localhost:3000" << false << 3000 << "127.0.0.1" << QByteArray("localhost:3000");
        QTest::newRow("*.localhost") << "http://api.shop.localhost:3000" << false << 3000 << "127.0.0.1" << QByteArray("api.shop.localhost:3000");
        QTest::newRow("not a localhost suffix") << "http://mylocalhost:3000" << false << 3000 << "mylocalhost" << QByteArray("mylocalhost:3000");
        QTest::newRow("IPv6 literal") << "http://[::1]:8080/" << false << 8080 << "::1" << QByteArray("[::1]:8080");
    }
    void urlsGiveEndpoints()
    {
        QFETCH(QString, url);
        QFETCH(bool, tls);
        QFETCH(int, port);
        QFETCH(QString, connectHost);
        QFETCH(QByteArray, hostHeader);
        QString error;
        const auto e = UpstreamEndpoint::fromUrl(QUrl(url), false, &error);
        QVERIFY2(e, qPrintable(error));
        QCOMPARE(e->tls, tls);
        QCOMPARE(int(e->port), port);
        QCOMPARE(e->connectHost(), connectHost);
        QCOMPARE(e->hostHeader(), hostHeader);
    }

    void insecureMattersOnlyForHttps()
    {
        QString error;
        const auto plainA = UpstreamEndpoint::fromUrl(QUrl(QStringLiteral("http://h/")), true, &error);
        const auto plainB = UpstreamEndpoint::fromUrl(QUrl(QStringLiteral("http://h/")), false, &error);
        const auto tlsA = UpstreamEndpoint::fromUrl(QUrl(QStringLiteral("https://h/")), true, &error);
        const auto tlsB = UpstreamEndpoint::fromUrl(QUrl(QStringLiteral("https://h/")), false, &error);
        QVERIFY(*plainA == *plainB);
        QVERIFY(!(*tlsA == *tlsB));
    }

    void requestHeadIsFramedByTheClient()
    {
        UpstreamRequest r;
        r.method = "PATCH";
        r.url = QUrl(QStringLiteral("http://svc.localhost:9000/items/a%2Fb?q=1#frag"));
        r.headers.append("X-A", "1");
        r.headers.append("content-length", "999");
        r.headers.append("Transfer-Encoding", "chunked");
        r.headers.append("Connection", "keep-alive, close");
        r.body = "12345";
        QString error;
        const auto e = UpstreamEndpoint::fromUrl(r.url, false, &error);
        RequestHead head;
        QVERIFY2(RequestHead::build(r, *e, &head, &error), qPrintable(error));
        QCOMPARE(head.bytes, QByteArray("PATCH /items/a%2Fb?q=1 HTTP/1.1\r\nX-A: 1\r\nConnection: keep-alive, close\r\n"
                                        "Host: svc.localhost:9000\r\nContent-Length: 5\r\n\r\n"));
        QVERIFY(head.closeAfter);
    }

    void callersHostHeaderWins()
    {
        UpstreamRequest r;
        r.url = QUrl(QStringLiteral("http://127.0.0.1:9000"));
        r.headers.append("Host", "api.example.com");
        QString error;
        RequestHead head;
        QVERIFY(RequestHead::build(r, *UpstreamEndpoint::fromUrl(r.url, false, &error), &head, &error));
        QCOMPARE(head.bytes, QByteArray("GET / HTTP/1.1\r\nHost: api.example.com\r\n\r\n"));
        QVERIFY(!head.closeAfter);
    }
};

QTEST_GUILESS_MAIN(TestUpstreamEndpoint)
#include "tst_upstreamendpoint.moc"
