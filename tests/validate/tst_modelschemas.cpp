#include "gateway/deploy/runtimeconfig.h"
#include "gateway/model/deployments.h"
#include "gateway/validate/methodvalidation.h"
#include "gateway/validate/modelschemas.h"

#include <QJsonDocument>
#include <QTest>

using namespace gw::validate;

// Models compiled at deploy time: $ref between models as AWS writes it, built-in models,
// schema errors reported with their JSON path, and the model a Content-Type picks.
class TestModelSchemas : public QObject
{
    Q_OBJECT

    static QJsonObject json(const char *text) { return QJsonDocument::fromJson(text).object(); }

private slots:
    void refToAnotherModelByAwsUrl()
    {
        gw::model::ApiDefinition def;
        def.models = {{QStringLiteral("Id"), QStringLiteral("application/json"), {}, json("{\"type\":\"integer\",\"minimum\":1}")},
                      {QStringLiteral("Order"), QStringLiteral("application/json"), {},
                       json("{\"type\":\"object\",\"properties\":{\"id\":{\"$ref\":\"https://apigateway.amazonaws.com/restapis/x1/models/Id\"}}}")}};
        gw::model::Diagnostics d;
        const ModelSchemas schemas = ModelSchemas::compile(def, &d, QStringLiteral("api"));
        QVERIFY(d.isEmpty());
        const auto order = schemas.schema(QStringLiteral("Order"));
        QVERIFY(order);
        QVERIFY(order->validate(json("{\"id\":3}")));
        QStringList errors;
        QVERIFY(!order->validate(json("{\"id\":0}"), &errors));
        QVERIFY(!errors.isEmpty());
        QVERIFY(schemas.schema(QStringLiteral("Empty"))->validate(QJsonObject()));
        QVERIFY(!schemas.schema(QStringLiteral("Empty"))->validate(QJsonValue(3)));
        QCOMPARE(modelNameFromRef(QStringLiteral("https://apigateway.amazonaws.com/restapis/abc/models/Pet")), QStringLiteral("Pet"));
        QCOMPARE(modelNameFromRef(QStringLiteral("https://example.com/models/Pet")), QString());
    }

    void badSchemaIsReportedWithItsPath()
    {
        gw::model::Project project;
        gw::model::Api api = gw::model::newRestApi(QStringLiteral("A"));
        api.id = QStringLiteral("abc");
        api.design.models = {{QStringLiteral("Ok"), QStringLiteral("application/json"), {}, json("{\"type\":\"object\"}")},
                             {QStringLiteral("Bad"), QStringLiteral("application/json"), {}, json("{\"type\":\"object\",\"minProperties\":\"two\"}")},
                             {QStringLiteral("Dangling"), QStringLiteral("application/json"), {},
                              json("{\"$ref\":\"https://apigateway.amazonaws.com/restapis/abc/models/Nope\"}")}};
        project.apis.append(api);
        gw::model::Diagnostics d;
        gw::deploy::compile(project, &d);
        QStringList paths;
        for (const auto &diag : d)
            paths.append(diag.path);
        QVERIFY2(paths.contains(QStringLiteral("apis[0].design.models[1].schema")), qPrintable(paths.join(u',')));
        QVERIFY2(paths.contains(QStringLiteral("apis[0].design.models[2].schema")), qPrintable(paths.join(u',')));
        QVERIFY(!paths.contains(QStringLiteral("apis[0].design.models[0].schema")));
        for (const auto &diag : d)
            if (diag.path.endsWith(QLatin1String("models[2].schema")))
                QVERIFY2(diag.message.contains(QStringLiteral("models/Nope")), qPrintable(diag.message));
    }

    void contentTypePicksTheModel()
    {
        gw::model::ApiDefinition def;
        def.requestValidators = {{QStringLiteral("v"), QStringLiteral("v"), true, false}};
        gw::model::Method m;
        m.requestValidatorId = QStringLiteral("v");
        m.requestModels = {{QStringLiteral("application/json"), QStringLiteral("Error")}, {QStringLiteral("$default"), QStringLiteral("Empty")}};
        const ModelSchemas schemas = ModelSchemas::compile(def, nullptr, {});
        const auto v = MethodValidation::compile(m, def, schemas);
        QVERIFY(v);
        QCOMPARE(v->modelFor("application/json; charset=utf-8")->name, QStringLiteral("Error"));
        QCOMPARE(v->modelFor("")->name, QStringLiteral("Error"));
        QCOMPARE(v->modelFor("text/xml")->name, QStringLiteral("Empty"));
        m.requestModels.remove(QStringLiteral("$default"));
        QVERIFY(!MethodValidation::compile(m, def, schemas)->modelFor("text/xml"));
        m.requestValidatorId = QStringLiteral("unknown");
        QVERIFY(!MethodValidation::compile(m, def, schemas));
    }
};

QTEST_MAIN(TestModelSchemas)
#include "tst_modelschemas.moc"
