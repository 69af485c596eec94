#include "gateway/integrations/responseparser.h"

#include <QRandomGenerator>
#include <QTest>

using gw::integrations::ResponseParser;

// The upstream client's response parser: valid shapes, malformed input, limits, and the same
// result whatever way the bytes are split.
class TestResponseParser : public QObject
{
    Q_OBJECT
private slots:
    void parsesValidResponses_data()
    {
        QTest::addColumn<QByteArray>("wire");
        QTest::addColumn<bool>("head");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<bool>("keepAlive");
        QTest::newRow("content-length") << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello") << false << 200 << QByteArray("hello") << true;
        QTest::newRow("chunked with extension and trailer")
            << QByteArray("HTTP/1.1 201 Created\r\nTransfer-Encoding: chunked\r\n\r\n5;x=y\r\nhello\r\n6\r\n world\r\n0\r\nX-Trailer: t\r\n\r\n")
            << false << 201 << QByteArray("hello world") << true;
        QTest::newRow("close-delimited") << QByteArray("HTTP/1.1 200 OK\r\n\r\nuntil close") << false << 200 << QByteArray("until close") << false;
        QTest::newRow("100 continue first") << QByteArray("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 204 No Content\r\n\r\n") << false << 204 << QByteArray() << true;
        QTest::newRow("head has no body") << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 99\r\n\r\n") << true << 200 << QByteArray() << true;
        QTest::newRow("304 has no body") << QByteArray("HTTP/1.1 304 Not Modified\r\nContent-Length: 10\r\n\r\n") << false << 304 << QByteArray() << true;
        QTest::newRow("connection close") << QByteArray("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 2\r\n\r\nok") << false << 200 << QByteArray("ok") << false;
        QTest::newRow("http 1.0 closes") << QByteArray("HTTP/1.0 200 OK\r\nContent-Length: 2\r\n\r\nok") << false << 200 << QByteArray("ok") << false;
        QTest::newRow("bare LF tolerated") << QByteArray("HTTP/1.1 200 OK\nContent-Length: 2\n\nok") << false << 200 << QByteArray("ok") << true;
        QTest::newRow("no reason phrase") << QByteArray("HTTP/1.1 200\r\nContent-Length: 0\r\n\r\n") << false << 200 << QByteArray() << true;
    }
    void parsesValidResponses()
    {
        QFETCH(QByteArray, wire);
        QFETCH(bool, head);
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(bool, keepAlive);
        // Whole, then split at every byte: the same answer.
        for (qsizetype split = 0; split <= wire.size(); ++split) {
            ResponseParser p(head);
            p.feed(wire.constData(), split);
            p.feed(wire.constData() + split, wire.size() - split);
            if (!p.isDone())
                p.finishOnClose();
            QVERIFY2(p.isDone(), qPrintable(QStringLiteral("split %1: %2").arg(split).arg(p.error())));
            QCOMPARE(p.response().status, status);
            QCOMPARE(p.response().body, body);
            QCOMPARE(p.keepAlive(), keepAlive);
        }
    }

    void rejectsMalformedResponses_data()
    {
        QTest::addColumn<QByteArray>("wire");
        QTest::addColumn<bool>("tooLarge");
        QTest::newRow("garbage status line") << QByteArray("HTTP/2 200 OK\r\n\r\n") << false;
        QTest::newRow("letters in status") << QByteArray("HTTP/1.1 2x0 OK\r\n\r\n") << false;
        QTest::newRow("not http") << QByteArray("SSH-2.0-OpenSSH\r\n\r\n") << false;
        QTest::newRow("header without colon") << QByteArray("HTTP/1.1 200 OK\r\nNoColon\r\n\r\n") << false;
        QTest::newRow("space in header name") << QByteArray("HTTP/1.1 200 OK\r\nBad Name: x\r\n\r\n") << false;
        QTest::newRow("obs-fold") << QByteArray("HTTP/1.1 200 OK\r\nA: b\r\n  folded\r\n\r\n") << false;
        QTest::newRow("bad chunk size") << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n") << false;
        QTest::newRow("missing CRLF after chunk") << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nokX\r\n") << false;
        QTest::newRow("conflicting content-length") << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n") << false;
        QTest::newRow("negative content-length") << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n") << false;
        QTest::newRow("te and content-length") << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n") << false;
        QTest::newRow("body over 10 MB") << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 10485761\r\n\r\n") << true;
        QTest::newRow("chunk over 10 MB") << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nA00001\r\n") << true;
        QTest::newRow("headers over 64 KB") << (QByteArray("HTTP/1.1 200 OK\r\nX: ") + QByteArray(70000, 'a') + "\r\n\r\n") << true;
    }
    void rejectsMalformedResponses()
    {
        QFETCH(QByteArray, wire);
        QFETCH(bool, tooLarge);
        ResponseParser p;
        p.feed(wire.constData(), wire.size());
        QVERIFY2(p.hasError(), qPrintable(QString::number(int(p.state()))));
        QCOMPARE(p.tooLarge(), tooLarge);
        QVERIFY(!p.keepAlive());
    }

    void truncatedBodyIsAnErrorOnClose()
    {
        ResponseParser p;
        const QByteArray wire = "HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nshort";
        p.feed(wire.constData(), wire.size());
        QVERIFY(!p.isDone());
        p.finishOnClose();
        QVERIFY(p.hasError());
    }

    void leavesTheNextResponsesBytesAlone()
    {
        ResponseParser p;
        const QByteArray wire = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nokHTTP/1.1 200 OK\r\n";
        QCOMPARE(p.feed(wire.constData(), wire.size()), qsizetype(wire.indexOf("okHTTP") + 2));
        QVERIFY(p.isDone());
    }

    void survivesRandomBytes()
    {
        // A small in-test fuzz: random mutations of valid responses never crash or hang.
        const QByteArray seeds[] = {"HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello",
                                    "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n"};
        QRandomGenerator rng(12345);
        for (int i = 0; i < 20000; ++i) {
            QByteArray wire = seeds[i % 2];
            const int edits = 1 + int(rng.bounded(4));
            for (int e = 0; e < edits; ++e)
                wire[int(rng.bounded(int(wire.size())))] = char(rng.bounded(256));
            ResponseParser p(rng.bounded(2) == 0);
            qsizetype at = 0;
            while (at < wire.size() && !p.isDone() && !p.hasError()) {
                const qsizetype step = 1 + qsizetype(rng.bounded(8));
                const qsizetype used = p.feed(wire.constData() + at, qMin(step, wire.size() - at));
                QVERIFY(used >= 0 && used <= step);
                at += used;
                if (used == 0)
                    break;
            }
            p.finishOnClose();
            QVERIFY(p.isDone() || p.hasError());
        }
    }
};

QTEST_GUILESS_MAIN(TestResponseParser)
#include "tst_responseparser.moc"
