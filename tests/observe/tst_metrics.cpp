#include "gateway/observe/accesslogformat.h"
#include "gateway/observe/accesslogwriter.h"
#include "gateway/observe/latencyhistogram.h"
#include "gateway/observe/metricsregistry.h"
#include "gateway/observe/secretmask.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <thread>

using namespace gw::observe;

class TestMetrics : public QObject
{
    Q_OBJECT
private slots:
    void percentilesAreWithinABucket_data()
    {
        QTest::addColumn<double>("fraction");
        QTest::addColumn<qint64>("expected");
        QTest::newRow("p50") << 0.50 << qint64(5000);
        QTest::newRow("p90") << 0.90 << qint64(9000);
        QTest::newRow("p99") << 0.99 << qint64(9900);
    }
    void percentilesAreWithinABucket()
    {
        QFETCH(double, fraction);
        QFETCH(qint64, expected);
        LatencyHistogram h;
        for (qint64 us = 1; us <= 10000; ++us)
            h.record(us);
        const qint64 p = h.percentileMicros(fraction);
        QVERIFY2(p >= expected && double(p) <= double(expected) * 1.10, qPrintable(QString::number(p)));
        QCOMPARE(h.maxMicros(), qint64(10000));
        QCOMPARE(h.count(), quint64(10000));
    }

    void compactRoundTripKeepsPercentiles()
    {
        LatencyHistogram h;
        for (int i = 0; i < 1000; ++i)
            h.record(100 + i * 7);
        const LatencyHistogram back = LatencyHistogram::fromCompact(h.compact(), h.count(), h.sumMicros(), h.maxMicros());
        QCOMPARE(back.percentileMicros(0.9), h.percentileMicros(0.9));
        QCOMPARE(back.meanMicros(), h.meanMicros());
    }

    void registryCountsExactlyPerSecondAndKey()
    {
        qint64 nowMs = 1'000'000;
        MetricsRegistry registry(3600, [&] { return nowMs; });
        auto a = registry.newRecorder();
        auto b = registry.newRecorder();
        const MetricKey ping{QStringLiteral("api"), QStringLiteral("dev"), QStringLiteral("/ping"), QStringLiteral("GET")};
        const MetricKey pets{QStringLiteral("api"), QStringLiteral("dev"), QStringLiteral("/pets"), QStringLiteral("GET")};
        // Two threads record at once into their own recorders.
        std::thread t1([&] { for (int i = 0; i < 1000; ++i) a->record(ping, {200, 1000, -1, 0}); });
        std::thread t2([&] { for (int i = 0; i < 500; ++i) b->record(pets, {i % 5 == 0 ? 500 : 404, 2000, 1500, 0}); });
        t1.join();
        t2.join();
        nowMs += 1000;
        a->record(ping, {200, 10, -1, 1});
        registry.collect();
        const MetricSample all = registry.total({QStringLiteral("api"), {}, {}, {}}, 0, 2000);
        QCOMPARE(all.count, quint64(1501));
        QCOMPARE(all.errors5xx, quint64(100));
        QCOMPARE(all.errors4xx, quint64(400));
        QCOMPARE(all.cacheHits, quint64(1));
        QCOMPARE(all.integrationLatency.count(), quint64(500));
        const auto series = registry.series({QStringLiteral("api"), QStringLiteral("dev"), QStringLiteral("/ping"), {}}, 0, 2000);
        QCOMPARE(series.size(), 2);
        QCOMPARE(series[0].second, qint64(1000));
        QCOMPARE(series[0].sample.count, quint64(1000));
        QCOMPARE(series[1].sample.count, quint64(1));
        QCOMPARE(registry.cumulative().value(pets).count, quint64(500));
    }

    void historyForgetsWhatIsOlderThanTheWindow()
    {
        qint64 nowMs = 10'000'000;
        MetricsRegistry registry(60, [&] { return nowMs; });
        auto r = registry.newRecorder();
        const MetricKey k{QStringLiteral("a"), QStringLiteral("s"), QStringLiteral("/"), QStringLiteral("GET")};
        r->record(k, {200, 1, -1, 0});
        registry.collect();
        nowMs += 120'000;
        r->record(k, {200, 1, -1, 0});
        registry.collect();
        QCOMPARE(registry.series(k, 0, nowMs / 1000).size(), 1);
        QCOMPARE(registry.cumulative().value(k).count, quint64(2)); // counters never forget
    }

    void accessLogFormatsParseAndRender_data()
    {
        QTest::addColumn<QString>("format");
        QTest::addColumn<QString>("expected");
        QTest::newRow("CLF") << AccessLogFormat::preset(QStringLiteral("CLF"))
                             << "127.0.0.1 - - [24/Nov/2026:10:00:00 +0000] \"GET /pets HTTP/1.1\" 200 12 rid xid";
        QTest::newRow("CSV") << AccessLogFormat::preset(QStringLiteral("CSV"))
                             << "127.0.0.1,-,-,24/Nov/2026:10:00:00 +0000,GET,/pets,HTTP/1.1,200,12,rid,xid";
        QTest::newRow("braces") << "${context.requestId}|$context.status" << "rid|200";
    }
    void accessLogFormatsParseAndRender()
    {
        QFETCH(QString, format);
        QFETCH(QString, expected);
        const auto parsed = AccessLogFormat::parse(format);
        QVERIFY2(parsed.ok, qPrintable(parsed.error));
        const QHash<QString, QString> values = {
            {QStringLiteral("identity.sourceIp"), QStringLiteral("127.0.0.1")}, {QStringLiteral("requestTime"), QStringLiteral("24/Nov/2026:10:00:00 +0000")},
            {QStringLiteral("httpMethod"), QStringLiteral("GET")}, {QStringLiteral("resourcePath"), QStringLiteral("/pets")},
            {QStringLiteral("protocol"), QStringLiteral("HTTP/1.1")}, {QStringLiteral("status"), QStringLiteral("200")},
            {QStringLiteral("responseLength"), QStringLiteral("12")}, {QStringLiteral("requestId"), QStringLiteral("rid")},
            {QStringLiteral("extendedRequestId"), QStringLiteral("xid")}};
        QCOMPARE(parsed.format.render([&](const QString &n) { return values.value(n); }), expected);
    }

    void accessLogFormatsAreValidated_data()
    {
        QTest::addColumn<QString>("format");
        QTest::addColumn<QString>("error");
        QTest::newRow("unknown variable") << "$context.requestId $context.nope" << "column 20: unknown variable $context.nope";
        QTest::newRow("no request id") << "$context.status" << "must contain $context.requestId";
        QTest::newRow("two lines") << "$context.requestId\n$context.status" << "single line";
    }
    void accessLogFormatsAreValidated()
    {
        QFETCH(QString, format);
        QFETCH(QString, error);
        const auto parsed = AccessLogFormat::parse(format);
        QVERIFY(!parsed.ok);
        QVERIFY2(parsed.error.contains(error), qPrintable(parsed.error));
    }

    void writerRotatesWithoutLosingLines()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("logs/access.log"));
        {
            AccessLogWriter writer(path, 4096, 50);
            std::thread producers[4];
            for (int t = 0; t < 4; ++t)
                producers[t] = std::thread([&writer, t] {
                    for (int i = 0; i < 500; ++i)
                        writer.append(QStringLiteral("thread %1 line %2 padding-padding-padding").arg(t).arg(i));
                });
            for (auto &p : producers)
                p.join();
            writer.flush();
            QCOMPARE(writer.written(), quint64(2000));
            QCOMPARE(writer.dropped(), quint64(0));
        }
        qsizetype lines = 0;
        int files = 0;
        for (const QString &name : QDir(dir.filePath(QStringLiteral("logs"))).entryList(QDir::Files)) {
            QFile f(dir.filePath(QStringLiteral("logs/") + name));
            QVERIFY(f.open(QIODevice::ReadOnly));
            QVERIFY(f.size() <= 4096);
            lines += f.readAll().count('\n');
            ++files;
        }
        QVERIFY(files > 10);
        QCOMPARE(lines, qsizetype(2000));
    }

    void writerCountsWhatItDrops()
    {
        QTemporaryDir dir;
        AccessLogWriter writer(dir.filePath(QStringLiteral("a.log")), 0, 1, 10);
        for (int i = 0; i < 100000; ++i)
            writer.append(QStringLiteral("x"));
        writer.flush();
        QCOMPARE(writer.written() + writer.dropped(), quint64(100000));
    }

    void secretsAreMasked()
    {
        QVERIFY(isSecretHeader("Authorization"));
        QVERIFY(isSecretHeader("x-API-key"));
        QVERIFY(isSecretHeader("Cookie"));
        QVERIFY(isSecretHeader("X-Custom-Token", {"x-custom-token"}));
        QVERIFY(!isSecretHeader("Accept"));
        const QByteArray masked = maskSecret("Bearer eyJhbGciOiJIUzI1NiJ9.secret");
        QVERIFY(!masked.contains("secret"));
        QVERIFY(masked.endsWith("****"));
        QCOMPARE(maskSecret(masked), masked); // masking twice changes nothing
        QCOMPARE(maskSecret("short"), QByteArray("****"));
    }
};

QTEST_GUILESS_MAIN(TestMetrics)
#include "tst_metrics.moc"
