#include "gateway/model/check.h"
#include "gateway/model/deployments.h"

#include <QTest>

using namespace gw::model;

// check() on API keys, usage plans, request validators and models: each problem is reported
// with the JSON path of the offending field.
class TestCheckApiKeys : public QObject
{
    Q_OBJECT

    static Project valid()
    {
        Project p;
        Api api = newRestApi(QStringLiteral("A"));
        api.id = QStringLiteral("abc");
        Method m;
        m.httpMethod = QStringLiteral("POST");
        m.integration = Integration{};
        m.requestValidatorId = QStringLiteral("v1");
        m.requestModels.insert(QStringLiteral("application/json"), QStringLiteral("Pet"));
        api.design.resources.first().methods.insert(QStringLiteral("POST"), m);
        api.design.requestValidators.append({QStringLiteral("v1"), QStringLiteral("all"), true, true});
        api.design.models.append({QStringLiteral("Pet"), QStringLiteral("application/json"), {}, QJsonObject{{QStringLiteral("type"), QStringLiteral("object")}}});
        deploy(api, QStringLiteral("dev"));
        p.apis.append(api);
        p.apiKeys = {{QStringLiteral("k1"), QStringLiteral("one"), {}, QStringLiteral("abcdefghijklmnopqrst1"), true},
                     {QStringLiteral("k2"), QStringLiteral("two"), {}, QStringLiteral("abcdefghijklmnopqrst2"), true}};
        UsagePlan plan;
        plan.id = QStringLiteral("p1");
        plan.apiStages = {{QStringLiteral("abc"), QStringLiteral("dev"), {}}};
        plan.apiKeyIds = {QStringLiteral("k1")};
        plan.quota = QuotaSettings{100, 2, QStringLiteral("WEEK")};
        p.usagePlans = {plan};
        return p;
    }

private slots:
    void validProjectHasNoProblems() { QCOMPARE(check(valid()).size(), 0); }

    void problemsCarryTheirPath_data()
    {
        QTest::addColumn<int>("mutation");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("messagePart");
        QTest::newRow("quota limit 0") << 0 << QStringLiteral("usagePlans[0].quota.limit") << QStringLiteral("greater than 0");
        QTest::newRow("quota offset") << 1 << QStringLiteral("usagePlans[0].quota.offset") << QStringLiteral("between 0 and 6");
        QTest::newRow("duplicate key value") << 2 << QStringLiteral("apiKeys[1].value") << QStringLiteral("same value");
        QTest::newRow("key in two plans on a stage") << 3 << QStringLiteral("usagePlans[1].apiKeyIds") << QStringLiteral("only one plan per stage");
        QTest::newRow("unknown validator") << 4 << QStringLiteral("apis[0].design.resources[0].methods.POST.requestValidatorId") << QStringLiteral("v9 does not exist");
        QTest::newRow("unknown model") << 5 << QStringLiteral("apis[0].design.resources[0].methods.POST.requestModels.application/json") << QStringLiteral("model Cat does not exist");
        QTest::newRow("bad key source") << 6 << QStringLiteral("apis[0].design.apiKeySource") << QStringLiteral("HEADER or AUTHORIZER");
        QTest::newRow("duplicate model") << 7 << QStringLiteral("apis[0].design.models[1].name") << QStringLiteral("defined twice");
        QTest::newRow("unknown key in plan") << 8 << QStringLiteral("usagePlans[0].apiKeyIds[1]") << QStringLiteral("does not exist");
    }

    void problemsCarryTheirPath()
    {
        QFETCH(int, mutation);
        QFETCH(QString, path);
        QFETCH(QString, messagePart);
        Project p = valid();
        ApiDefinition &d = p.apis[0].design;
        Method &post = d.resources[0].methods[QStringLiteral("POST")];
        switch (mutation) {
        case 0: p.usagePlans[0].quota->limit = 0; break;
        case 1: p.usagePlans[0].quota->offset = 7; break;
        case 2: p.apiKeys[1].value = p.apiKeys[0].value; break;
        case 3: { UsagePlan other = p.usagePlans[0]; other.id = QStringLiteral("p2"); p.usagePlans.append(other); break; }
        case 4: post.requestValidatorId = QStringLiteral("v9"); break;
        case 5: post.requestModels[QStringLiteral("application/json")] = QStringLiteral("Cat"); break;
        case 6: d.apiKeySource = QStringLiteral("QUERY"); break;
        case 7: d.models.append(d.models[0]); break;
        case 8: p.usagePlans[0].apiKeyIds.append(QStringLiteral("k9")); break;
        }
        const Diagnostics found = check(p);
        bool seen = false;
        for (const auto &diag : found)
            seen = seen || (diag.path == path && diag.message.contains(messagePart));
        if (!seen)
            for (const auto &diag : found)
                qWarning() << diag.toString();
        QVERIFY(seen);
    }
};

QTEST_MAIN(TestCheckApiKeys)
#include "tst_checkapikeys.moc"
