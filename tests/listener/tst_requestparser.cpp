#include "gateway/runtime/listener/requestparser.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>

using gw::runtime::ListenerLimits;
using gw::runtime::RequestParser;

// The listener's request parser against llhttp's request cases (tests/data/http/, from
// nodejs/llhttp, MIT) and the limits a gateway needs. Strict mode is the truth; cases where we
// knowingly differ are listed with their reasons in tests/data/http/KNOWN_DIFFERENCES.tsv, and
// the test fails for any other difference (or when a listed one stops differing).
class TestRequestParser : public QObject
{
    Q_OBJECT

    static QHash<QString, QString> knownDifferences()
    {
        QHash<QString, QString> out;
        QFile f(QStringLiteral(GW_SOURCE_DIR "/tests/data/http/KNOWN_DIFFERENCES.tsv"));
        if (!f.open(QIODevice::ReadOnly))
            return out;
        for (const QByteArray &line : f.readAll().split('\n')) {
            const QList<QByteArray> cols = line.split('\t');
            if (cols.size() >= 2 && !line.startsWith('#'))
                out.insert(QString::fromUtf8(cols[0]), QString::fromUtf8(cols[1]));
        }
        return out;
    }

    // "error" when the parser rejects the bytes at any point, else "ok".
    static QString outcome(const QByteArray &wire)
    {
        ListenerLimits limits;
        RequestParser parser(limits);
        qsizetype at = 0;
        while (at < wire.size()) {
            const qsizetype used = parser.feed(wire.constData() + at, wire.size() - at);
            if (parser.hasError())
                return QStringLiteral("error");
            at += used;
            if (parser.isDone()) {
                // The listener reads nothing after a request that closes the connection.
                if (!parser.keepAlive() && at < wire.size())
                    return QStringLiteral("error");
                parser.reset();
            }
            else if (used == 0)
                break;
        }
        return QStringLiteral("ok");
    }

private slots:
    void llhttpCases_data()
    {
        QTest::addColumn<QByteArray>("wire");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<QString>("known");
        QFile f(QStringLiteral(GW_SOURCE_DIR "/tests/data/http/llhttp-request-cases.json"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonArray cases = QJsonDocument::fromJson(f.readAll()).object().value(QStringLiteral("cases")).toArray();
        QVERIFY(cases.size() > 100);
        const auto known = knownDifferences();
        for (const QJsonValue &v : cases) {
            const QJsonObject c = v.toObject();
            const QString mode = c.value(QStringLiteral("parser_mode")).toString();
            if (mode == QLatin1String("request-finish"))
                continue; // about the connection ending, not the bytes: covered by listener tests
            QString expected = c.value(QStringLiteral("expected")).toObject().value(QStringLiteral("result")).toString();
            // Lenient cases pass llhttp only with a leniency flag: a strict parser rejects them.
            if (mode.startsWith(QLatin1String("request-lenient")))
                expected = QStringLiteral("error");
            const QString id = c.value(QStringLiteral("id")).toString();
            QTest::newRow(qPrintable(id)) << QByteArray::fromBase64(c.value(QStringLiteral("raw_base64")).toString().toLatin1())
                                          << expected << known.value(id);
        }
    }
    void llhttpCases()
    {
        QFETCH(QByteArray, wire);
        QFETCH(QString, expected);
        QFETCH(QString, known);
        const QString got = outcome(wire);
        if (!known.isEmpty()) {
            QVERIFY2(got != expected, "listed in KNOWN_DIFFERENCES.tsv but now agrees with llhttp: remove it from the list");
            return;
        }
        QCOMPARE(got, expected);
    }

    void splitAtEveryByteGivesTheSameRequest()
    {
        const QByteArray wire = "POST /p?q=1 HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n3;ext=1\r\nabc\r\n2\r\nde\r\n0\r\nT: x\r\n\r\n"
                                "GET /next HTTP/1.1\r\nHost: h\r\n\r\n";
        for (qsizetype split = 0; split < wire.size(); ++split) {
            RequestParser p{ListenerLimits{}};
            qsizetype used = p.feed(wire.constData(), split);
            if (!p.isDone())
                used += p.feed(wire.constData() + used, wire.size() - used);
            QVERIFY2(p.isDone(), qPrintable(QString::number(split)));
            QCOMPARE(p.request().body, QByteArray("abcde"));
            QCOMPARE(p.request().target, QByteArray("/p?q=1"));
            QCOMPARE(wire.mid(used), QByteArray("GET /next HTTP/1.1\r\nHost: h\r\n\r\n"));
        }
    }

    void survivesRandomBytes()
    {
        // In-test fuzzing: random mutations of valid requests never crash, hang or overrun.
        const QByteArray seeds[] = {
            "POST /a?b=c HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\n\r\nhello",
            "PUT / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n5;x=\"y\"\r\nhello\r\n0\r\nT: 1\r\n\r\n",
            "GET http://host:1/p HTTP/1.0\r\nConnection: keep-alive\r\n\r\n"};
        QRandomGenerator rng(777);
        for (int i = 0; i < 30000; ++i) {
            QByteArray wire = seeds[i % 3];
            const int edits = 1 + int(rng.bounded(5));
            for (int e = 0; e < edits; ++e) {
                const int at = int(rng.bounded(int(wire.size())));
                switch (rng.bounded(3)) {
                case 0: wire[at] = char(rng.bounded(256)); break;
                case 1: wire.insert(at, char(rng.bounded(256))); break;
                default: wire.remove(at, 1); break;
                }
            }
            RequestParser p{ListenerLimits{}};
            qsizetype at = 0;
            int guard = 0;
            while (at < wire.size() && !p.hasError() && ++guard < 10000) {
                const qsizetype step = 1 + qsizetype(rng.bounded(7));
                const qsizetype used = p.feed(wire.constData() + at, qMin(step, wire.size() - at));
                QVERIFY(used >= 0 && used <= step);
                at += used;
                if (p.isDone())
                    p.reset();
                else if (used == 0)
                    break;
            }
            QVERIFY(guard < 10000);
        }
    }

    void limitsAnswerWithTheirStatus_data()
    {
        QTest::addColumn<QByteArray>("wire");
        QTest::addColumn<int>("status");
        QTest::newRow("content-length over 10 MB") << QByteArray("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 20971520\r\n\r\n") << 413;
        QTest::newRow("chunk crossing 10 MB") << QByteArray("POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\nA00001\r\n") << 413;
        QTest::newRow("long url") << (QByteArray("GET /") + QByteArray(11000, 'a') + " HTTP/1.1\r\n") << 414;
        QTest::newRow("huge header") << (QByteArray("GET / HTTP/1.1\r\nHost: h\r\nX: ") + QByteArray(11000, 'a') + "\r\n") << 431;
        QTest::newRow("too many headers") << (QByteArray("GET / HTTP/1.1\r\nHost: h\r\n") + QByteArray("X: y\r\n").repeated(101)) << 431;
        QTest::newRow("smuggling: TE and CL") << QByteArray("POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n") << 400;
        QTest::newRow("http/2 preface") << QByteArray("PRI * HTTP/2.0\r\n\r\n") << 505;
    }
    void limitsAnswerWithTheirStatus()
    {
        QFETCH(QByteArray, wire);
        QFETCH(int, status);
        RequestParser p{ListenerLimits{}};
        p.feed(wire.constData(), wire.size());
        QVERIFY(p.hasError());
        QCOMPARE(p.errorStatus(), status);
    }
};

QTEST_GUILESS_MAIN(TestRequestParser)
#include "tst_requestparser.moc"
