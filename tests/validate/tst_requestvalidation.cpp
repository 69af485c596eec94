#include "gatewayclient.h"
#include "testproject.h"

#include "gateway/deploy/runtimeconfig.h"
#include "gateway/model/check.h"
#include "gateway/model/deployments.h"
#include "gateway/runtime/engine.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace gw::model;

// Request validators over real sockets (reference §6): required parameters (AWS's message and
// name order), bodies against JSON Schema draft-4 models chosen by Content-Type, $ref between
// models as AWS writes it, and what each validator kind lets through.
class TestRequestValidation : public QObject
{
    Q_OBJECT

    gw::runtime::Engine m_engine;
    gwtest::GatewayClient m_client;

    QString url(const QString &path) const
    {
        return QStringLiteral("http://127.0.0.1:%1/restapis/valapi/test/_user_request_%2").arg(m_engine.port()).arg(path);
    }
    static QJsonObject json(const char *text) { return QJsonDocument::fromJson(text).object(); }
    static QJsonObject message(const QString &m) { return {{QStringLiteral("message"), m}}; }
    static Method validated(const QString &verb, const QString &validatorId)
    {
        Method m = gwtest::mockMethod(verb, 200, QStringLiteral("{\"ok\":true}"));
        m.requestValidatorId = validatorId;
        // MOCK reads its status from the request template: one for each content type sent here.
        for (const QString &type : {QStringLiteral("text/plain"), QStringLiteral("application/xml")})
            m.integration->requestTemplates.insert(type, QStringLiteral("{\"statusCode\": 200}"));
        return m;
    }

private slots:
    void initTestCase()
    {
        Api api = newRestApi(QStringLiteral("Validation"));
        api.id = QStringLiteral("valapi");
        api.design.requestValidators = {{QStringLiteral("all"), QStringLiteral("Validate body and parameters"), true, true},
                                        {QStringLiteral("params"), QStringLiteral("Parameters only"), false, true},
                                        {QStringLiteral("body"), QStringLiteral("Body only"), true, false}};
        ApiModel tag{QStringLiteral("Tag"), QStringLiteral("application/json"), {},
                     json("{\"$schema\":\"http://json-schema.org/draft-04/schema#\",\"type\":\"object\",\"properties\":{\"name\":{\"type\":\"string\",\"minLength\":1}},\"required\":[\"name\"]}")};
        ApiModel pet{QStringLiteral("Pet"), QStringLiteral("application/json"), {},
                     json("{\"$schema\":\"http://json-schema.org/draft-04/schema#\",\"title\":\"Pet\",\"type\":\"object\",\"definitions\":{\"price\":{\"type\":\"number\",\"minimum\":0}},\"properties\":{\"name\":{\"type\":\"string\"},\"price\":{\"$ref\":\"#/definitions/price\"},\"tags\":{\"type\":\"array\",\"items\":{\"$ref\":\"https://apigateway.amazonaws.com/restapis/valapi/models/Tag\"}}},\"required\":[\"name\"]}")};
        ApiModel ab{QStringLiteral("testSchema"), QStringLiteral("application/json"), {},
                    json("{\"$schema\":\"http://json-schema.org/draft-04/schema#\",\"title\":\"testSchema\",\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"number\"},\"b\":{\"type\":\"number\"}},\"required\":[\"a\",\"b\"]}")};
        api.design.models = {tag, pet, ab};

        // The corpus case (apigw/request-validation.json): names listed header, path, query string.
        Method nested = validated(QStringLiteral("POST"), QStringLiteral("all"));
        nested.requestParameters = {{QStringLiteral("method.request.header.x-header-param"), true},
                                    {QStringLiteral("method.request.path.issuer"), true},
                                    {QStringLiteral("method.request.querystring.qs1"), true},
                                    {QStringLiteral("method.request.querystring.optional"), false}};
        nested.requestModels = {{QStringLiteral("application/json"), QStringLiteral("testSchema")}};
        gwtest::addResource(api, QStringLiteral("/nested/{test}")).methods.insert(QStringLiteral("POST"), nested);
        Method nestedGet = nested;
        nestedGet.httpMethod = QStringLiteral("GET");
        nestedGet.requestParameters.remove(QStringLiteral("method.request.path.issuer"));
        api.design.resource(QStringLiteral("/nested/{test}"))->methods.insert(QStringLiteral("GET"), nestedGet);

        Method paramsOnly = validated(QStringLiteral("POST"), QStringLiteral("params"));
        paramsOnly.requestParameters = {{QStringLiteral("method.request.querystring.qs1"), true}};
        paramsOnly.requestModels = {{QStringLiteral("application/json"), QStringLiteral("testSchema")}};
        gwtest::addResource(api, QStringLiteral("/params")).methods.insert(QStringLiteral("POST"), paramsOnly);

        Method pets = validated(QStringLiteral("POST"), QStringLiteral("body"));
        pets.requestModels = {{QStringLiteral("application/json"), QStringLiteral("Pet")}};
        gwtest::addResource(api, QStringLiteral("/pets")).methods.insert(QStringLiteral("POST"), pets);

        Method fallback = validated(QStringLiteral("POST"), QStringLiteral("body"));
        fallback.requestModels = {{QStringLiteral("application/json"), QStringLiteral("Pet")},
                                  {QStringLiteral("$default"), QStringLiteral("testSchema")}};
        gwtest::addResource(api, QStringLiteral("/fallback")).methods.insert(QStringLiteral("POST"), fallback);

        gwtest::addResource(api, QStringLiteral("/empty")).methods.insert(QStringLiteral("POST"),
                                                                         validated(QStringLiteral("POST"), QStringLiteral("body")));

        GatewayResponse details;
        details.responseTemplates.insert(QStringLiteral("application/json"),
                                         QStringLiteral("{\"message\":$context.error.messageString,\"type\":\"$context.error.responseType\",\"details\":\"$context.error.validationErrorString\"}"));
        api.design.gatewayResponses.insert(QStringLiteral("BAD_REQUEST_BODY"), details);

        Project project;
        project.apis.append(api);
        deploy(project.apis[0], QStringLiteral("test"));
        const Diagnostics problems = check(project);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.isEmpty() ? QString() : problems.first().toString(QStringLiteral("project"))));
        Diagnostics diagnostics;
        m_engine.deploy(gw::deploy::compile(project, &diagnostics));
        QVERIFY2(diagnostics.isEmpty(), qPrintable(diagnostics.isEmpty() ? QString() : diagnostics.first().toString(QStringLiteral("project"))));
        QVERIFY(gwtest::startOnFreePort(m_engine));
    }

    void missingParametersAreListedInAwsOrder()
    {
        const auto r = m_client.send("POST", url(QStringLiteral("/nested/value")), {{"Content-Type", "application/json"}},
                                     "{\"test\": \"test\"}");
        QCOMPARE(r.status, 400);
        QCOMPARE(QJsonDocument::fromJson(r.body).object(), message(QStringLiteral("Missing required request parameters: [x-header-param, issuer, qs1]")));
        QCOMPARE(r.header("x-amzn-ErrorType"), QByteArray("BadRequestException"));
    }

    void onlyTheMissingParametersAreListed()
    {
        auto r = m_client.send("GET", url(QStringLiteral("/nested/value?qs1=test")));
        QCOMPARE(r.status, 400);
        QCOMPARE(QJsonDocument::fromJson(r.body).object(), message(QStringLiteral("Missing required request parameters: [x-header-param]")));
        r = m_client.send("GET", url(QStringLiteral("/nested/value")), {{"x-header-param", "test"}});
        QCOMPARE(QJsonDocument::fromJson(r.body).object(), message(QStringLiteral("Missing required request parameters: [qs1]")));
    }

    void blankParameterCountsAsMissing()
    {
        const auto r = m_client.send("GET", url(QStringLiteral("/nested/value?qs1=")), {{"x-header-param", "test"}});
        QCOMPARE(QJsonDocument::fromJson(r.body).object(), message(QStringLiteral("Missing required request parameters: [qs1]")));
    }

    void getWithoutBodyFailsTheBodyModel()
    {
        // The parameters are there; the absent body is validated as {} and misses "a" and "b".
        const auto r = m_client.send("GET", url(QStringLiteral("/nested/value?qs1=test")), {{"x-header-param", "test"}});
        QCOMPARE(r.status, 400);
        QCOMPARE(QJsonDocument::fromJson(r.body).object().value(QStringLiteral("message")).toString(), QStringLiteral("Invalid request body"));
    }

    void validBodyIsServed()
    {
        const auto r = m_client.send("POST", url(QStringLiteral("/pets")), {{"Content-Type", "application/json"}},
                                     "{\"name\":\"Rex\",\"price\":3,\"tags\":[{\"name\":\"dog\"}]}");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body, QByteArray("{\"ok\":true}"));
    }

    void invalidBodyIsRefusedWithDetails()
    {
        const auto r = m_client.send("POST", url(QStringLiteral("/pets")), {{"Content-Type", "application/json; charset=utf-8"}},
                                     "{\"price\":3}");
        QCOMPARE(r.status, 400);
        const QJsonObject body = QJsonDocument::fromJson(r.body).object();
        QCOMPARE(body.value(QStringLiteral("message")).toString(), QStringLiteral("Invalid request body"));
        QCOMPARE(body.value(QStringLiteral("type")).toString(), QStringLiteral("BAD_REQUEST_BODY"));
        const QString details = body.value(QStringLiteral("details")).toString();
        QVERIFY2(details.startsWith(QLatin1Char('[')) && details.contains(QStringLiteral("name")), qPrintable(details));
    }

    void referencedModelIsEnforced()
    {
        // Tag (another model, referenced by URL) requires a non-empty name; #/definitions too.
        auto r = m_client.send("POST", url(QStringLiteral("/pets")), {{"Content-Type", "application/json"}},
                               "{\"name\":\"Rex\",\"tags\":[{\"name\":\"\"}]}");
        QCOMPARE(r.status, 400);
        r = m_client.send("POST", url(QStringLiteral("/pets")), {{"Content-Type", "application/json"}}, "{\"name\":\"Rex\",\"price\":-1}");
        QCOMPARE(r.status, 400);
    }

    void notJsonIsAnInvalidBody()
    {
        const auto r = m_client.send("POST", url(QStringLiteral("/pets")), {{"Content-Type", "application/json"}}, "{\"name\":");
        QCOMPARE(r.status, 400);
        QCOMPARE(QJsonDocument::fromJson(r.body).object().value(QStringLiteral("message")).toString(), QStringLiteral("Invalid request body"));
    }

    void parametersOnlyValidatorLetsABadBodyThrough()
    {
        QCOMPARE(m_client.send("POST", url(QStringLiteral("/params?qs1=x")), {{"Content-Type", "application/json"}}, "{\"a\":\"nope\"}").status, 200);
        QCOMPARE(QJsonDocument::fromJson(m_client.send("POST", url(QStringLiteral("/params")), {{"Content-Type", "application/json"}}, "{}").body).object(),
                 message(QStringLiteral("Missing required request parameters: [qs1]")));
    }

    void contentTypeWithoutModelIsNotValidated()
    {
        // requestModels names application/json only: a text/plain body has no model to match.
        QCOMPARE(m_client.send("POST", url(QStringLiteral("/pets")), {{"Content-Type", "text/plain"}}, "just text").status, 200);
    }

    void defaultModelCatchesOtherContentTypes()
    {
        auto r = m_client.send("POST", url(QStringLiteral("/fallback")), {{"Content-Type", "application/xml"}}, "{\"a\":1}");
        QCOMPARE(r.status, 400);
        r = m_client.send("POST", url(QStringLiteral("/fallback")), {{"Content-Type", "application/xml"}}, "{\"a\":1,\"b\":2}");
        QCOMPARE(r.status, 200);
    }

    void methodWithoutModelsUsesEmptyModel()
    {
        QCOMPARE(m_client.send("POST", url(QStringLiteral("/empty")), {{"Content-Type", "application/json"}}, "{\"any\":1}").status, 200);
        QCOMPARE(m_client.send("POST", url(QStringLiteral("/empty")), {{"Content-Type", "application/json"}}, "").status, 200);
        QCOMPARE(m_client.send("POST", url(QStringLiteral("/empty")), {{"Content-Type", "application/json"}}, "[1,2]").status, 400);
    }
};

QTEST_MAIN(TestRequestValidation)
#include "tst_requestvalidation.moc"
