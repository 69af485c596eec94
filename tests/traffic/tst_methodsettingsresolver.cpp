#include "gateway/model/methodsettingkey.h"
#include "gateway/traffic/methodsettingsresolver.h"
#include "gateway/traffic/methodtrafficcompiler.h"

#include <QTest>

using gw::model::MethodSetting;

class TestMethodSettingsResolver : public QObject
{
    Q_OBJECT

    static MethodSetting rate(double r)
    {
        MethodSetting s;
        s.throttlingRateLimit = r;
        return s;
    }

private slots:
    void keysParseAsAwsWritesThem_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("resource");
        QTest::addColumn<QString>("verb");
        QTest::newRow("stage default") << QStringLiteral("*/*") << QStringLiteral("*") << QStringLiteral("*");
        QTest::newRow("top level") << QStringLiteral("test/GET") << QStringLiteral("/test") << QStringLiteral("GET");
        QTest::newRow("escaped nested") << QStringLiteral("pets~1{id}/get") << QStringLiteral("/pets/{id}") << QStringLiteral("GET");
        QTest::newRow("root") << QStringLiteral("~1/GET") << QStringLiteral("/") << QStringLiteral("GET");
        QTest::newRow("unescaped") << QStringLiteral("/pets/{id}/POST") << QStringLiteral("/pets/{id}") << QStringLiteral("POST");
        QTest::newRow("route key") << QStringLiteral("GET /pets") << QStringLiteral("/pets") << QStringLiteral("GET");
    }
    void keysParseAsAwsWritesThem()
    {
        QFETCH(QString, key);
        QFETCH(QString, resource);
        QFETCH(QString, verb);
        const auto k = gw::model::parseMethodSettingKey(key);
        QVERIFY(k);
        QCOMPARE(k->resource, resource);
        QCOMPARE(k->verb, verb);
    }

    void badKeysSayWhy()
    {
        QString why;
        QVERIFY(!gw::model::parseMethodSettingKey(QStringLiteral("pets"), &why));
        QVERIFY(why.contains(QLatin1String("{resourcePath}/{HTTP method}")));
        QVERIFY(!gw::model::parseMethodSettingKey(QStringLiteral("pets/FETCH"), &why));
    }

    void mostSpecificWinsFieldByField()
    {
        QMap<QString, MethodSetting> settings;
        MethodSetting all = rate(100);
        all.throttlingBurstLimit = 50;
        all.cacheTtlInSeconds = 60;
        settings.insert(QStringLiteral("*/*"), all);
        settings.insert(QStringLiteral("pets~1*/GET"), rate(10));
        settings.insert(QStringLiteral("pets~1{id}/GET"), rate(1));
        settings.insert(QStringLiteral("pets~1{id}/*"), rate(5));
        const MethodSetting get = gw::traffic::effectiveMethodSetting(settings, QStringLiteral("/pets/{id}"), QStringLiteral("GET"));
        QCOMPARE(*get.throttlingRateLimit, 1.0);
        QCOMPARE(*get.throttlingBurstLimit, 50);   // inherited from */*
        QCOMPARE(*get.cacheTtlInSeconds, 60);
        const MethodSetting put = gw::traffic::effectiveMethodSetting(settings, QStringLiteral("/pets/{id}"), QStringLiteral("PUT"));
        QCOMPARE(*put.throttlingRateLimit, 5.0);
        const MethodSetting toys = gw::traffic::effectiveMethodSetting(settings, QStringLiteral("/pets/{id}/toys"), QStringLiteral("GET"));
        QCOMPARE(*toys.throttlingRateLimit, 10.0); // the glob reaches deeper paths
        const MethodSetting other = gw::traffic::effectiveMethodSetting(settings, QStringLiteral("/orders"), QStringLiteral("GET"));
        QCOMPARE(*other.throttlingRateLimit, 100.0);
        QVERIFY(!gw::traffic::effectiveMethodSetting({}, QStringLiteral("/x"), QStringLiteral("GET")).throttlingRateLimit);
    }

    void oneLimitTakesTheAccountDefaultForTheOther()
    {
        QCOMPARE(gw::traffic::throttleFromSetting(2.0, std::nullopt), (gw::traffic::ThrottleLimits{2.0, 5000}));
        QCOMPARE(gw::traffic::throttleFromSetting(std::nullopt, 7), (gw::traffic::ThrottleLimits{10000.0, 7}));
        QVERIFY(gw::traffic::throttleFromSetting(std::nullopt, std::nullopt).unlimited());
    }

    void cacheSizesAreAwsList()
    {
        QCOMPARE(gw::traffic::cacheCapacityBytes(QStringLiteral("0.5")), qint64(512) * 1024 * 1024);
        QCOMPARE(gw::traffic::cacheCapacityBytes(QStringLiteral("237")), qint64(237) * 1024 * 1024 * 1024);
        QCOMPARE(gw::traffic::cacheCapacityBytes(QStringLiteral("1")), qint64(-1));
    }
};

QTEST_GUILESS_MAIN(TestMethodSettingsResolver)
#include "tst_methodsettingsresolver.moc"
