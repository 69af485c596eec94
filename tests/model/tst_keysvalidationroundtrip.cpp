#include "gateway/model/deployments.h"
#include "gateway/model/projectfile.h"

#include <QJsonDocument>
#include <QTest>

using namespace gw::model;

// What API keys, usage plans and request validation keep in the project file: every field survives
// a save and load, byte for byte on a second save.
class TestKeysValidationRoundTrip : public QObject
{
    Q_OBJECT

private slots:
    void everyFieldSurvives()
    {
        Project p;
        Api api = newRestApi(QStringLiteral("V"));
        api.id = QStringLiteral("val");
        api.design.apiKeySource = QStringLiteral("AUTHORIZER");
        api.design.requestValidators = {{QStringLiteral("v1"), QStringLiteral("params"), false, true},
                                        {QStringLiteral("v2"), QStringLiteral("all"), true, true}};
        api.design.models = {{QStringLiteral("Pet"), QStringLiteral("application/json"), QStringLiteral("a pet"),
                              QJsonDocument::fromJson("{\"$schema\":\"http://json-schema.org/draft-04/schema#\",\"type\":\"object\","
                                                      "\"properties\":{\"tags\":{\"type\":\"array\",\"items\":{\"$ref\":"
                                                      "\"https://apigateway.amazonaws.com/restapis/val/models/Tag\"}}},\"required\":[\"name\"]}").object()}};
        Method m;
        m.httpMethod = QStringLiteral("POST");
        m.apiKeyRequired = true;
        m.requestValidatorId = QStringLiteral("v2");
        m.requestParameters = {{QStringLiteral("method.request.header.x-id"), true}, {QStringLiteral("method.request.querystring.q"), false}};
        m.requestModels = {{QStringLiteral("application/json"), QStringLiteral("Pet")}, {QStringLiteral("$default"), QStringLiteral("Empty")}};
        m.integration = Integration{};
        api.design.resources.first().methods.insert(QStringLiteral("POST"), m);
        deploy(api, QStringLiteral("dev"));
        p.apis.append(api);
        p.apiKeys = {{QStringLiteral("k1"), QStringLiteral("off"), QStringLiteral("disabled key"), QStringLiteral("abcdefghijklmnopqrst1"), false}};
        UsagePlan plan;
        plan.id = QStringLiteral("p1");
        plan.name = QStringLiteral("weekly");
        plan.description = QStringLiteral("from Tuesday");
        plan.quota = QuotaSettings{50, 2, QStringLiteral("WEEK")};
        plan.apiStages = {{QStringLiteral("val"), QStringLiteral("dev"), {{QStringLiteral("/{proxy+}/ANY"), ThrottleSettings{std::nullopt, 3}}}}};
        plan.apiKeyIds = {QStringLiteral("k1")};
        p.usagePlans = {plan};

        const LoadResult again = parseProject(serializeProject(p));
        QVERIFY(again.ok);
        QVERIFY(again.project == p);
        QCOMPARE(serializeProject(again.project), serializeProject(p));
        QCOMPARE(again.project.apiKeys[0].enabled, false);
        QCOMPARE(again.project.apis[0].design.apiKeySource, QStringLiteral("AUTHORIZER"));
        QCOMPARE(again.project.usagePlans[0].apiStages[0].methodThrottles.first().rateLimit, std::optional<double>());
    }
};

QTEST_MAIN(TestKeysValidationRoundTrip)
#include "tst_keysvalidationroundtrip.moc"
