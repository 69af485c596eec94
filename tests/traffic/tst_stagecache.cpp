#include "gateway/traffic/cacheregistry.h"
#include "gateway/traffic/stagecache.h"

#include <QTest>

#include <thread>
#include <vector>

using gw::HttpResponse;
using gw::traffic::StageCache;

static HttpResponse response(const QByteArray &body, int status = 200)
{
    HttpResponse r;
    r.status = status;
    r.headers.append("Content-Type", "application/json");
    r.headers.append("X-Secret-Header", "header-plaintext-42");
    r.body = body;
    return r;
}

// What one entry of `key` with `body` costs, as the cache accounts it.
static qint64 entrySize(const QString &key, const QByteArray &body)
{
    StageCache probe(1 << 20);
    probe.put(key, response(body), 60, false, 0);
    return probe.stats().usedBytes;
}

class TestStageCache : public QObject
{
    Q_OBJECT

private slots:
    void storesAndReturnsTheResponse()
    {
        StageCache cache(1 << 20);
        QVERIFY(!cache.get(QStringLiteral("k"), 0));
        QVERIFY(cache.put(QStringLiteral("k"), response("{\"a\":1}", 201), 60, false, 0));
        const auto hit = cache.get(QStringLiteral("k"), 1000);
        QVERIFY(hit);
        QCOMPARE(hit->status, 201);
        QCOMPARE(hit->body, QByteArray("{\"a\":1}"));
        QCOMPARE(hit->headers.value("x-secret-header"), QByteArray("header-plaintext-42"));
        QCOMPARE(cache.stats().hits, quint64(1));
        QCOMPARE(cache.stats().misses, quint64(1));
    }

    void entriesExpireAfterTheirTtl()
    {
        StageCache cache(1 << 20);
        QVERIFY(cache.put(QStringLiteral("k"), response("x"), 2, false, 10'000));
        QVERIFY(cache.get(QStringLiteral("k"), 11'999));
        QVERIFY(!cache.get(QStringLiteral("k"), 12'000));
        QCOMPARE(cache.stats().entries, qint64(0));
        QVERIFY(!cache.put(QStringLiteral("z"), response("x"), 0, false, 0)); // TTL 0: caching off
    }

    void evictsTheLeastRecentlyUsedWithinTheByteBound()
    {
        const QByteArray body(1000, 'b');
        const qint64 one = entrySize(QStringLiteral("a"), body);
        StageCache cache(3 * one + one / 2); // room for three entries
        QVERIFY(cache.put(QStringLiteral("a"), response(body), 60, false, 0));
        QVERIFY(cache.put(QStringLiteral("b"), response(body), 60, false, 0));
        QVERIFY(cache.put(QStringLiteral("c"), response(body), 60, false, 0));
        QVERIFY(cache.get(QStringLiteral("a"), 1)); // a is now the most recently used
        QVERIFY(cache.put(QStringLiteral("d"), response(body), 60, false, 2));
        QVERIFY(!cache.get(QStringLiteral("b"), 3));
        QVERIFY(cache.get(QStringLiteral("a"), 3));
        QVERIFY(cache.get(QStringLiteral("c"), 3));
        QVERIFY(cache.get(QStringLiteral("d"), 3));
        QCOMPARE(cache.stats().evictions, quint64(1));
        QVERIFY(cache.stats().usedBytes <= cache.capacityBytes());
    }

    void storedBytesNeverExceedTheCapacity()
    {
        StageCache cache(64 * 1024);
        for (int i = 0; i < 500; ++i) {
            cache.put(QStringLiteral("key-%1").arg(i), response(QByteArray((i * 7919) % 5000, 'x')), 60, i % 2, 0);
            QVERIFY(cache.stats().usedBytes <= 64 * 1024);
        }
        QVERIFY(cache.stats().entries > 10);
    }

    void responsesOverOneMegabyteAreNotCached()
    {
        StageCache cache(qint64(512) * 1024 * 1024);
        QVERIFY(!cache.put(QStringLiteral("big"), response(QByteArray(StageCache::kMaxResponseBytes + 1, 'x')), 60, false, 0));
        QVERIFY(cache.put(QStringLiteral("max"), response(QByteArray(StageCache::kMaxResponseBytes, 'x')), 60, false, 0));
    }

    void encryptedEntriesHoldNoPlaintext()
    {
        StageCache cache(1 << 20);
        const QByteArray secret("body-plaintext-that-must-not-be-stored");
        QVERIFY(cache.put(QStringLiteral("plain"), response(secret), 60, false, 0));
        QVERIFY(cache.put(QStringLiteral("sealed"), response(secret), 60, true, 0));
        QVERIFY(cache.storedBytes(QStringLiteral("plain")).contains(secret)); // the probe can see plaintext
        const QByteArray sealed = cache.storedBytes(QStringLiteral("sealed"));
        QVERIFY(!sealed.isEmpty());
        QVERIFY(!sealed.contains(secret));
        QVERIFY(!sealed.contains("header-plaintext-42"));
        QVERIFY(!sealed.contains("application/json"));
        const auto hit = cache.get(QStringLiteral("sealed"), 1);
        QVERIFY(hit);
        QCOMPARE(hit->body, secret);
    }

    void invalidateAndFlush()
    {
        StageCache cache(1 << 20);
        cache.put(QStringLiteral("a"), response("1"), 60, false, 0);
        cache.put(QStringLiteral("b"), response("2"), 60, false, 0);
        QVERIFY(cache.invalidate(QStringLiteral("a")));
        QVERIFY(!cache.invalidate(QStringLiteral("a")));
        QVERIFY(!cache.get(QStringLiteral("a"), 1));
        cache.flush();
        QVERIFY(!cache.get(QStringLiteral("b"), 1));
        QCOMPARE(cache.stats().usedBytes, qint64(0));
    }

    void threadsShareOneCache()
    {
        StageCache cache(qint64(512) * 1024 * 1024); // a real size: sharded
        std::vector<std::thread> threads;
        for (int t = 0; t < 4; ++t)
            threads.emplace_back([&cache, t]() {
                for (int i = 0; i < 2000; ++i) {
                    const QString key = QStringLiteral("k%1").arg(i % 300);
                    if (!cache.get(key))
                        cache.put(key, response(QByteArray::number(i % 300)), 60, t % 2);
                }
            });
        for (auto &th : threads)
            th.join();
        for (int i = 0; i < 300; ++i) {
            const auto hit = cache.get(QStringLiteral("k%1").arg(i));
            QVERIFY(hit);
            QCOMPARE(hit->body, QByteArray::number(i));
        }
    }

    void registryReplacesACacheWhenItsSizeChanges()
    {
        gw::traffic::CacheRegistry registry;
        auto first = registry.cache(QStringLiteral("api/prod"), 1 << 20);
        first->put(QStringLiteral("k"), response("x"), 60, false);
        QCOMPARE(registry.cache(QStringLiteral("api/prod"), 1 << 20), first); // a redeploy keeps entries
        QVERIFY(registry.cache(QStringLiteral("api/prod"), 1 << 20)->get(QStringLiteral("k")));
        auto resized = registry.cache(QStringLiteral("api/prod"), 2 << 20);
        QVERIFY(resized != first);
        QVERIFY(!resized->get(QStringLiteral("k"))); // a resize wipes the data
        QVERIFY(registry.flush(QStringLiteral("api/prod")));
        QVERIFY(!registry.flush(QStringLiteral("api/none")));
        registry.setCapacityLimit(4096);
        QCOMPARE(registry.cache(QStringLiteral("api/prod"), 2 << 20)->capacityBytes(), qint64(4096));
    }
};

QTEST_GUILESS_MAIN(TestStageCache)
#include "tst_stagecache.moc"
