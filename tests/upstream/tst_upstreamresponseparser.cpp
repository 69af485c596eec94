#include "gateway/upstream/responseparser.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>

using gw::HeaderList;
using gw::upstream::ResponseLimits;
using gw::upstream::ResponseParser;

namespace {

struct Outcome
{
    QString expect; // complete | malformed | too-large | incomplete
    int status = 0;
    QByteArray body;
    HeaderList headers;
    HeaderList trailers;
    bool keepAlive = false;
    qsizetype rest = 0;
    int interim = 0;

    bool operator==(const Outcome &) const = default;
};

QString describe(const Outcome &o)
{
    return QStringLiteral("%1 status=%2 body=%3 keepAlive=%4 rest=%5 headers=%6 trailers=%7")
        .arg(o.expect)
        .arg(o.status)
        .arg(QString::fromLatin1(o.body.toPercentEncoding()))
        .arg(o.keepAlive)
        .arg(o.rest)
        .arg(o.headers.size())
        .arg(o.trailers.size());
}

// Feeds `wire` in pieces ending at the given offsets, then reports what the parser made of it.
Outcome parse(const QByteArray &wire, const QList<qsizetype> &cuts, bool head, bool eof, ResponseLimits limits)
{
    ResponseParser parser(limits);
    parser.reset(head);
    Outcome out;
    qsizetype from = 0;
    ResponseParser::Result r = ResponseParser::Result::NeedMore;
    QList<qsizetype> ends = cuts;
    ends.append(wire.size());
    for (qsizetype to : ends) {
        qsizetype used = 0;
        r = parser.feed(wire.constData() + from, to - from, &used);
        from += used;
        if (r != ResponseParser::Result::NeedMore)
            break;
    }
    if (r == ResponseParser::Result::NeedMore && eof)
        r = parser.finish();
    if (r == ResponseParser::Result::Error) {
        out.expect = parser.failure() == ResponseParser::Failure::TooLarge ? QStringLiteral("too-large") : QStringLiteral("malformed");
        return out;
    }
    if (r == ResponseParser::Result::NeedMore) {
        out.expect = QStringLiteral("incomplete");
        return out;
    }
    out.expect = QStringLiteral("complete");
    out.status = parser.response().status;
    out.body = parser.response().body;
    out.headers = parser.response().headers;
    out.trailers = parser.trailers();
    out.keepAlive = parser.keepAlive();
    out.rest = wire.size() - from;
    out.interim = parser.interimResponses();
    return out;
}

struct Case
{
    QByteArray wire;
    bool head = false;
    bool eof = false;
    ResponseLimits limits;
    Outcome expected;
};

HeaderList headerList(const QJsonValue &value)
{
    HeaderList list;
    for (const QJsonValue &pair : value.toArray())
        list.append(pair[0].toString().toLatin1(), pair[1].toString().toLatin1());
    return list;
}

ResponseLimits limitsOf(const QJsonObject &o)
{
    ResponseLimits limits;
    limits.maxHeaderBytes = o.value(QStringLiteral("maxHeaderBytes")).toInteger(limits.maxHeaderBytes);
    limits.maxHeaderCount = o.value(QStringLiteral("maxHeaderCount")).toInt(limits.maxHeaderCount);
    limits.maxBodyBytes = o.value(QStringLiteral("maxBodyBytes")).toInteger(limits.maxBodyBytes);
    return limits;
}

} // namespace

Q_DECLARE_METATYPE(Case)

// ResponseParser against tests/data/upstream/response-cases.json (written for this project):
// each case parsed whole, split in two at every byte, and one byte at a time, must give the
// expected outcome; random and mutated input must never crash or break the limits.
class TestResponseParser : public QObject
{
    Q_OBJECT

    static QList<QPair<QString, Case>> loadCases()
    {
        QFile f(QStringLiteral(GW_SOURCE_DIR "/tests/data/upstream/response-cases.json"));
        if (!f.open(QIODevice::ReadOnly))
            qFatal("response-cases.json missing");
        QList<QPair<QString, Case>> out;
        const QJsonArray cases = QJsonDocument::fromJson(f.readAll()).object().value(QStringLiteral("cases")).toArray();
        for (const QJsonValue &v : cases) {
            const QJsonObject o = v.toObject();
            Case c;
            c.wire = o.value(QStringLiteral("wire")).toString().toLatin1();
            c.head = o.value(QStringLiteral("head")).toBool();
            c.eof = o.value(QStringLiteral("eof")).toBool();
            c.limits = limitsOf(o.value(QStringLiteral("limits")).toObject());
            c.expected.expect = o.value(QStringLiteral("expect")).toString();
            if (c.expected.expect == QStringLiteral("complete")) {
                c.expected.status = o.value(QStringLiteral("status")).toInt();
                c.expected.body = o.value(QStringLiteral("body")).toString().toLatin1();
                c.expected.keepAlive = o.value(QStringLiteral("keepAlive")).toBool();
                c.expected.rest = o.value(QStringLiteral("rest")).toInt();
                c.expected.interim = o.value(QStringLiteral("interim")).toInt();
                c.expected.trailers = headerList(o.value(QStringLiteral("trailers")));
            }
            out.append({o.value(QStringLiteral("name")).toString(), c});
            if (o.contains(QStringLiteral("headers")))
                out.last().second.expected.headers = headerList(o.value(QStringLiteral("headers")));
        }
        return out;
    }

    void addCaseRows()
    {
        QTest::addColumn<Case>("c");
        QTest::addColumn<bool>("checkHeaders");
        for (const auto &[name, c] : loadCases())
            QTest::newRow(name.toUtf8().constData()) << c << !c.expected.headers.isEmpty();
    }

    // Cases without listed headers are checked on everything else.
    static void compareOutcome(Outcome actual, const Case &c, bool checkHeaders, const QString &how)
    {
        if (!checkHeaders)
            actual.headers = {};
        QVERIFY2(actual == c.expected, qPrintable(how + QStringLiteral(": got ") + describe(actual)
                                                  + QStringLiteral(", expected ") + describe(c.expected)));
    }

private slots:
    void casesFedWhole_data() { addCaseRows(); }
    void casesFedWhole()
    {
        QFETCH(Case, c);
        QFETCH(bool, checkHeaders);
        compareOutcome(parse(c.wire, {}, c.head, c.eof, c.limits), c, checkHeaders, QStringLiteral("whole"));
    }

    void casesSplitAtEveryByte_data() { addCaseRows(); }
    void casesSplitAtEveryByte()
    {
        QFETCH(Case, c);
        QFETCH(bool, checkHeaders);
        for (qsizetype at = 0; at <= c.wire.size() && !QTest::currentTestFailed(); ++at)
            compareOutcome(parse(c.wire, {at}, c.head, c.eof, c.limits), c, checkHeaders, QStringLiteral("split at %1").arg(at));
    }

    void casesFedByteByByte_data() { addCaseRows(); }
    void casesFedByteByByte()
    {
        QFETCH(Case, c);
        QFETCH(bool, checkHeaders);
        QList<qsizetype> cuts;
        for (qsizetype at = 1; at < c.wire.size(); ++at)
            cuts.append(at);
        compareOutcome(parse(c.wire, cuts, c.head, c.eof, c.limits), c, checkHeaders, QStringLiteral("byte by byte"));
    }

    void resetParsesTheNextPipelinedResponse()
    {
        const QByteArray wire = "HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\naHTTP/1.1 404 Nope\r\nTransfer-Encoding: chunked\r\n\r\n1\r\nb\r\n0\r\n\r\n";
        ResponseParser parser;
        parser.reset();
        qsizetype used = 0;
        QCOMPARE(parser.feed(wire, &used), ResponseParser::Result::Complete);
        QCOMPARE(parser.takeResponse().body, QByteArray("a"));
        parser.reset();
        QVERIFY(!parser.receivedAny());
        QCOMPARE(parser.feed(QByteArrayView(wire).sliced(used)), ResponseParser::Result::Complete);
        QCOMPARE(parser.response().status, 404);
        QCOMPARE(parser.response().body, QByteArray("b"));
        QVERIFY(parser.keepAlive());
    }

    void endlessInterimResponsesAreRefused()
    {
        ResponseParser parser;
        parser.reset();
        const QByteArray wire = QByteArray("HTTP/1.1 100 Continue\r\n\r\n").repeated(17);
        QCOMPARE(parser.feed(wire), ResponseParser::Result::Error);
        QVERIFY(parser.errorMessage().contains(QStringLiteral("interim")));
    }

    void errorMessageNamesTheProblem()
    {
        ResponseParser parser;
        parser.reset();
        QCOMPARE(parser.feed(QByteArrayView("HTTP/1.1 200 OK\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n")),
                 ResponseParser::Result::Error);
        QCOMPARE(parser.errorMessage(), QStringLiteral("conflicting Content-Length headers"));
        QVERIFY(!parser.keepAlive());
    }

    // Random bytes, and valid cases with random edits: the parser must never crash, never exceed
    // its limits, and reach the same outcome whether the bytes come whole or in random pieces.
    void fuzzedInputKeepsLimitsAndSplitsAgree()
    {
        QRandomGenerator rng(20240610);
        QList<QByteArray> seeds;
        for (const auto &[name, c] : loadCases())
            seeds.append(c.wire);
        ResponseLimits limits;
        limits.maxHeaderBytes = 512;
        limits.maxHeaderCount = 8;
        limits.maxBodyBytes = 256;
        for (int round = 0; round < 20000; ++round) {
            QByteArray wire;
            if (round % 4 == 0) {
                wire.resize(rng.bounded(300));
                for (char &ch : wire)
                    ch = char(rng.bounded(256));
            } else {
                wire = seeds[rng.bounded(int(seeds.size()))];
                for (int edits = 1 + rng.bounded(4); edits > 0 && !wire.isEmpty(); --edits) {
                    const int at = rng.bounded(int(wire.size()));
                    static const char interesting[] = "\r\n:; \t0123456789abcdefF\"\\,";
                    const char ch = rng.bounded(2) ? interesting[rng.bounded(int(sizeof interesting - 1))] : char(rng.bounded(256));
                    switch (rng.bounded(3)) {
                    case 0: wire[at] = ch; break;
                    case 1: wire.insert(at, ch); break;
                    default: wire.remove(at, 1); break;
                    }
                }
            }
            const bool eof = rng.bounded(2);
            const Outcome whole = parse(wire, {}, false, eof, limits);
            QList<qsizetype> cuts;
            for (qsizetype at = rng.bounded(8) + 1; at < wire.size(); at += rng.bounded(16) + 1)
                cuts.append(at);
            const Outcome pieces = parse(wire, cuts, false, eof, limits);
            QVERIFY2(whole == pieces, qPrintable(QString::fromLatin1(wire.toPercentEncoding()) + QStringLiteral(" whole: ")
                                                 + describe(whole) + QStringLiteral(" pieces: ") + describe(pieces)));
            QVERIFY(whole.body.size() <= limits.maxBodyBytes);
            QVERIFY(whole.headers.size() <= limits.maxHeaderCount);
            QVERIFY(whole.rest >= 0 && whole.rest <= wire.size());
        }
    }
};

QTEST_GUILESS_MAIN(TestResponseParser)
#include "tst_upstreamresponseparser.moc"
