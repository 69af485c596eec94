#include "gateway/apikeys/quotaledger.h"

#include <QTest>
#include <QTimeZone>

#include <atomic>
#include <thread>
#include <vector>

using gw::apikeys::QuotaLedger;

// Quota counters: per key and plan, reset by the period, exact under concurrent workers, and
// carried over to the ledger of the next deploy.
class TestQuotaLedger : public QObject
{
    Q_OBJECT

    const QDateTime m_now = QDateTime(QDate(2026, 12, 2), QTime(12, 0), QTimeZone::utc());
    const gw::model::QuotaSettings m_daily{3, 0, QStringLiteral("DAY")};

private slots:
    void countsDownToTheLimit()
    {
        QuotaLedger ledger;
        QCOMPARE(ledger.remaining(QStringLiteral("p"), QStringLiteral("k"), m_daily, m_now), 3);
        QCOMPARE(ledger.consume(QStringLiteral("p"), QStringLiteral("k"), m_daily, m_now).remaining, 2);
        QCOMPARE(ledger.consume(QStringLiteral("p"), QStringLiteral("k"), m_daily, m_now).remaining, 1);
        QVERIFY(ledger.consume(QStringLiteral("p"), QStringLiteral("k"), m_daily, m_now).allowed);
        QVERIFY(!ledger.consume(QStringLiteral("p"), QStringLiteral("k"), m_daily, m_now).allowed);
        QCOMPARE(ledger.remaining(QStringLiteral("p"), QStringLiteral("k"), m_daily, m_now), 0);
        // Other keys and other plans have their own counts.
        QVERIFY(ledger.consume(QStringLiteral("p"), QStringLiteral("other"), m_daily, m_now).allowed);
        QVERIFY(ledger.consume(QStringLiteral("q"), QStringLiteral("k"), m_daily, m_now).allowed);
    }

    void nextPeriodStartsAgain()
    {
        QuotaLedger ledger;
        for (int i = 0; i < 3; ++i)
            QVERIFY(ledger.consume(QStringLiteral("p"), QStringLiteral("k"), m_daily, m_now).allowed);
        QVERIFY(!ledger.consume(QStringLiteral("p"), QStringLiteral("k"), m_daily, m_now.addSecs(11 * 3600 + 59 * 60)).allowed);
        const QDateTime tomorrow = m_now.addSecs(12 * 3600);
        QCOMPARE(ledger.remaining(QStringLiteral("p"), QStringLiteral("k"), m_daily, tomorrow), 3);
        QCOMPARE(ledger.consume(QStringLiteral("p"), QStringLiteral("k"), m_daily, tomorrow).remaining, 2);
    }

    void concurrentWorkersNeverExceedTheLimit()
    {
        QuotaLedger ledger;
        const gw::model::QuotaSettings quota{1000, 0, QStringLiteral("MONTH")};
        std::atomic<int> allowed{0};
        std::vector<std::thread> threads;
        for (int t = 0; t < 4; ++t)
            threads.emplace_back([&]() {
                for (int i = 0; i < 600; ++i)
                    allowed += ledger.consume(QStringLiteral("p"), QStringLiteral("k"), quota, m_now).allowed;
            });
        for (auto &t : threads)
            t.join();
        QCOMPARE(allowed.load(), 1000);
        QCOMPARE(ledger.remaining(QStringLiteral("p"), QStringLiteral("k"), quota, m_now), 0);
    }

    void nextDeployContinuesTheCount()
    {
        QuotaLedger first;
        QVERIFY(first.consume(QStringLiteral("p"), QStringLiteral("k"), m_daily, m_now).allowed);
        QuotaLedger second;
        second.continueFrom(first);
        QCOMPARE(second.remaining(QStringLiteral("p"), QStringLiteral("k"), m_daily, m_now), 2);
        QVERIFY(second.consume(QStringLiteral("p"), QStringLiteral("k"), m_daily, m_now).allowed);
        QCOMPARE(first.remaining(QStringLiteral("p"), QStringLiteral("k"), m_daily, m_now), 1);
    }
};

QTEST_MAIN(TestQuotaLedger)
#include "tst_quotaledger.moc"
