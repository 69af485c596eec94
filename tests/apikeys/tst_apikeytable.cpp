#include "gateway/apikeys/apikeytable.h"
#include "gateway/apikeys/apikeyvalue.h"

#include <QRegularExpression>
#include <QTest>

using namespace gw::apikeys;

// Key lookup by value, the plan that admits a key on a stage, and generated values.
class TestApiKeyTable : public QObject
{
    Q_OBJECT

    static gw::model::Project project()
    {
        gw::model::Project p;
        p.apiKeys = {{QStringLiteral("k1"), QStringLiteral("one"), {}, QStringLiteral("AAAAAAAAAAAAAAAAAAAA1"), true},
                     {QStringLiteral("k2"), QStringLiteral("two"), {}, QStringLiteral("AAAAAAAAAAAAAAAAAAAA2"), false}};
        gw::model::UsagePlan gold;
        gold.id = QStringLiteral("gold");
        gold.apiStages = {{QStringLiteral("api1"), QStringLiteral("prod"), {}}};
        gold.apiStages[0].methodThrottles.insert(QStringLiteral("/pets/GET"), gw::model::ThrottleSettings{5.0, 10});
        gold.apiKeyIds = {QStringLiteral("k1")};
        gw::model::UsagePlan silver;
        silver.id = QStringLiteral("silver");
        silver.apiStages = {{QStringLiteral("api1"), QStringLiteral("dev"), {}}, {QStringLiteral("api1"), QStringLiteral("prod"), {}}};
        silver.apiKeyIds = {QStringLiteral("k1"), QStringLiteral("k2")};
        p.usagePlans = {gold, silver};
        return p;
    }

private slots:
    void findsKeysByValueOnly()
    {
        const auto table = ApiKeyTable::build(project());
        QCOMPARE(table->findByValue(QStringLiteral("AAAAAAAAAAAAAAAAAAAA1"))->id, QStringLiteral("k1"));
        QVERIFY(!table->findByValue(QStringLiteral("AAAAAAAAAAAAAAAAAAAA1 ")));
        QVERIFY(!table->findByValue(QStringLiteral("k1")));
        QCOMPARE(table->findByValue(QStringLiteral("AAAAAAAAAAAAAAAAAAAA2"))->enabled, false);
        QCOMPARE(table->findById(QStringLiteral("k2"))->name, QStringLiteral("two"));
    }

    void firstPlanOnAStageWins()
    {
        const auto table = ApiKeyTable::build(project());
        QCOMPARE(table->planFor(QStringLiteral("k1"), QStringLiteral("api1"), QStringLiteral("prod"))->id, QStringLiteral("gold"));
        QCOMPARE(table->planFor(QStringLiteral("k1"), QStringLiteral("API1"), QStringLiteral("dev"))->id, QStringLiteral("silver"));
        QCOMPARE(table->planFor(QStringLiteral("k2"), QStringLiteral("api1"), QStringLiteral("prod"))->id, QStringLiteral("silver"));
        QVERIFY(!table->planFor(QStringLiteral("k2"), QStringLiteral("api1"), QStringLiteral("test")));
        QVERIFY(!table->planFor(QStringLiteral("k3"), QStringLiteral("api1"), QStringLiteral("prod")));
        const auto *stage = table->planFor(QStringLiteral("k1"), QStringLiteral("api1"), QStringLiteral("prod"))
                                ->stage(QStringLiteral("api1"), QStringLiteral("prod"));
        QVERIFY(stage);
        QCOMPARE(stage->methodThrottles.value(QStringLiteral("/pets/GET")).burstLimit, std::optional<int>(10));
    }

    void generatedValuesLookLikeAws()
    {
        static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9]{40}$"));
        const QString a = generateApiKeyValue();
        QVERIFY2(re.match(a).hasMatch(), qPrintable(a));
        QVERIFY(a != generateApiKeyValue());
        QVERIFY(QRegularExpression(QStringLiteral("^[a-z0-9]{10}$")).match(generateApiKeyId()).hasMatch());
    }

    void comparesAndMasks()
    {
        QVERIFY(constantTimeEquals("abc", "abc"));
        QVERIFY(!constantTimeEquals("abc", "abd"));
        QVERIFY(!constantTimeEquals("abc", "abcd"));
        QCOMPARE(maskApiKey(QStringLiteral("AAAAbbbbccccddddeeee")), QStringLiteral("AAAA****"));
        QCOMPARE(maskApiKey(QStringLiteral("short")), QStringLiteral("****"));
    }
};

QTEST_MAIN(TestApiKeyTable)
#include "tst_apikeytable.moc"
