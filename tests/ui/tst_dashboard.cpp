#include "ui/dashboardpage.h"
#include "ui/harexport.h"
#include "ui/models/metricsseries.h"

#include <QApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using gw::observe::MetricKey;
using gw::observe::MetricsRegistry;

// The dashboard fed synthetic per-second data under the offscreen platform, and the log exports.
class TestDashboard : public QObject
{
    Q_OBJECT

    qint64 m_nowMs = 1'800'000'000'000;
    std::shared_ptr<MetricsRegistry> m_registry = std::make_shared<MetricsRegistry>(3600, [this] { return m_nowMs; });

private slots:
    void initTestCase()
    {
        // A minute of traffic: 100 answers a second (94 ok, 5 client errors, 1 server error),
        // latencies 1–5 ms, 2 ms in the integration, 80 % cache hits.
        auto recorder = m_registry->newRecorder();
        const MetricKey key{QStringLiteral("petstore"), QStringLiteral("dev"), QStringLiteral("/pets"), QStringLiteral("GET")};
        const qint64 start = m_nowMs;
        for (int second = 0; second < 60; ++second) {
            m_nowMs = start + second * 1000;
            for (int i = 0; i < 100; ++i) {
                const int status = i < 94 ? 200 : (i < 99 ? 404 : 500);
                recorder->record(key, {status, 1000 + (i % 5) * 1000, 2000, i % 5 == 0 ? 2 : 1});
            }
        }
        m_registry->collect();
    }

    void seriesHoldOnePointPerSecond()
    {
        const auto d = gw::ui::buildDashboardSeries(*m_registry, {}, m_nowMs / 1000, 60);
        QCOMPARE(d.ok2xx.size(), 60);
        QCOMPARE(d.ok2xx.last().y(), 94.0);
        QCOMPARE(d.client4xx.last().y(), 5.0);
        QCOMPARE(d.server5xx.last().y(), 1.0);
        QVERIFY(d.p50.last().y() >= 2.0 && d.p50.last().y() <= 3.5);
        QVERIFY(d.p99.last().y() >= 4.5 && d.p99.last().y() <= 5.0);
        QCOMPARE(d.cacheHitRatio.last().y(), 0.8);
        // A longer window pads quiet seconds with zeros.
        const auto quarter = gw::ui::buildDashboardSeries(*m_registry, {}, m_nowMs / 1000, 900);
        QCOMPARE(quarter.ok2xx.size(), 900);
        QCOMPARE(quarter.ok2xx.first().y(), 0.0);
    }

    void pageDrawsTheChartsAndCanBeSeen()
    {
        gw::ui::DashboardPage page(m_registry);
        page.resize(1100, 700);
        page.setWindowSeconds(60);
        page.refresh(m_nowMs / 1000);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QCOMPARE(page.seriesPointCount(QStringLiteral("Requests per second/2xx/3xx")), 60);
        QCOMPARE(page.seriesLastValue(QStringLiteral("Requests per second/5xx")), 1.0);
        QCOMPARE(page.seriesLastValue(QStringLiteral("Cache hit ratio/hit ratio")), 0.8);
        QVERIFY(page.seriesPointCount(QStringLiteral("Latency/p99")) == 60);
        const QImage shot = page.grab().toImage();
        QVERIFY(!shot.isNull());
        shot.save(QStringLiteral(GW_BINARY_DIR "/dashboard.png"));
    }

    void harExportIsAHar12LogWithSecretsMasked()
    {
        gw::runtime::RequestRecord r;
        r.requestId = QStringLiteral("abc");
        r.method = QStringLiteral("POST");
        r.status = 201;
        r.latencyUs = 2500;
        r.time = QDateTime::fromMSecsSinceEpoch(m_nowMs, Qt::UTC);
        r.request.method = "POST";
        r.request.target = "/dev/pets?kind=dog";
        r.request.headers.append("Authorization", "Bearer very-secret-token-value");
        r.request.headers.append("Content-Type", "application/json");
        r.request.body = "{\"a\":1}";
        r.response.status = 201;
        r.response.headers.append("Content-Type", "application/json");
        r.response.body = "{\"id\":4}";
        const QJsonObject har = gw::ui::toHar({r, r}, QStringLiteral("http://127.0.0.1:4510"));
        const QJsonObject log = har.value(QStringLiteral("log")).toObject();
        QCOMPARE(log.value(QStringLiteral("version")).toString(), QStringLiteral("1.2"));
        const QJsonArray entries = log.value(QStringLiteral("entries")).toArray();
        QCOMPARE(entries.size(), 2);
        const QJsonObject entry = entries.first().toObject();
        QCOMPARE(entry.value(QStringLiteral("request")).toObject().value(QStringLiteral("url")).toString(),
                 QStringLiteral("http://127.0.0.1:4510/dev/pets?kind=dog"));
        QCOMPARE(entry.value(QStringLiteral("request")).toObject().value(QStringLiteral("queryString")).toArray().size(), 1);
        QCOMPARE(entry.value(QStringLiteral("response")).toObject().value(QStringLiteral("status")).toInt(), 201);
        QCOMPARE(entry.value(QStringLiteral("time")).toDouble(), 2.5);
        const QByteArray text = QJsonDocument(har).toJson();
        QVERIFY(!text.contains("very-secret-token-value"));
        const QByteArray lines = gw::ui::toJsonLines({r, r, r});
        QCOMPARE(lines.count('\n'), 3);
        QVERIFY(!lines.contains("very-secret-token-value"));
    }
};

QTEST_MAIN(TestDashboard)
#include "tst_dashboard.moc"
