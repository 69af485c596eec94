#include "gateway/apikeys/quotawindow.h"

#include <QTest>
#include <QTimeZone>

using gw::apikeys::QuotaWindow;

// Quota periods start at 00:00 UTC; WEEK offsets count from Sunday, MONTH offsets from the 1st.
class TestQuotaWindow : public QObject
{
    Q_OBJECT

    static QString day(qint64 ms) { return QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc()).toString(Qt::ISODate); }

private slots:
    void periods_data()
    {
        QTest::addColumn<QString>("period");
        QTest::addColumn<int>("offset");
        QTest::addColumn<QString>("now");
        QTest::addColumn<QString>("start");
        QTest::addColumn<QString>("end");
        // 2026-12-02 is a Wednesday.
        QTest::newRow("day") << QStringLiteral("DAY") << 0 << QStringLiteral("2026-12-02T13:45:00Z")
                             << QStringLiteral("2026-12-02T00:00:00Z") << QStringLiteral("2026-12-03T00:00:00Z");
        QTest::newRow("day, other zone") << QStringLiteral("DAY") << 0 << QStringLiteral("2026-12-02T23:30:00-05:00")
                                         << QStringLiteral("2026-12-03T00:00:00Z") << QStringLiteral("2026-12-04T00:00:00Z");
        QTest::newRow("week from sunday") << QStringLiteral("WEEK") << 0 << QStringLiteral("2026-12-02T10:00:00Z")
                                          << QStringLiteral("2026-11-29T00:00:00Z") << QStringLiteral("2026-12-06T00:00:00Z");
        QTest::newRow("week from wednesday, on it") << QStringLiteral("WEEK") << 3 << QStringLiteral("2026-12-02T00:00:00Z")
                                                    << QStringLiteral("2026-12-02T00:00:00Z") << QStringLiteral("2026-12-09T00:00:00Z");
        QTest::newRow("week from thursday") << QStringLiteral("WEEK") << 4 << QStringLiteral("2026-12-02T10:00:00Z")
                                            << QStringLiteral("2026-11-26T00:00:00Z") << QStringLiteral("2026-12-03T00:00:00Z");
        QTest::newRow("month") << QStringLiteral("MONTH") << 0 << QStringLiteral("2026-12-31T23:59:59Z")
                               << QStringLiteral("2026-12-01T00:00:00Z") << QStringLiteral("2027-01-01T00:00:00Z");
        QTest::newRow("month from the 10th, before it") << QStringLiteral("MONTH") << 9 << QStringLiteral("2026-01-05T08:00:00Z")
                                                        << QStringLiteral("2025-12-10T00:00:00Z") << QStringLiteral("2026-01-10T00:00:00Z");
        QTest::newRow("month from the 10th, after it") << QStringLiteral("MONTH") << 9 << QStringLiteral("2026-01-10T08:00:00Z")
                                                       << QStringLiteral("2026-01-10T00:00:00Z") << QStringLiteral("2026-02-10T00:00:00Z");
    }

    void periods()
    {
        QFETCH(QString, period);
        QFETCH(int, offset);
        QFETCH(QString, now);
        QFETCH(QString, start);
        QFETCH(QString, end);
        gw::model::QuotaSettings quota{100, offset, period};
        const QuotaWindow w = QuotaWindow::containing(quota, QDateTime::fromString(now, Qt::ISODate));
        QCOMPARE(day(w.startMs), day(QDateTime::fromString(start, Qt::ISODate).toMSecsSinceEpoch()));
        QCOMPARE(day(w.endMs), day(QDateTime::fromString(end, Qt::ISODate).toMSecsSinceEpoch()));
    }
};

QTEST_MAIN(TestQuotaWindow)
#include "tst_quotawindow.moc"
