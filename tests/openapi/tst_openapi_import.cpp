#include "gateway/model/check.h"
#include "gateway/openapi/openapiexport.h"
#include "gateway/openapi/openapiimport.h"
#include "gateway/openapi/yamljson.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace gw;

// Import of the features the corpus does not cover, and the warnings and errors it gives.
class TestOpenApiImport : public QObject
{
    Q_OBJECT

    static openapi::ImportResult importYaml(const QByteArray &yaml, const QString &file = QStringLiteral("api.yaml"))
    {
        openapi::ImportOptions options;
        options.apiId = QStringLiteral("api1");
        return openapi::importOpenApi(yaml, file, options);
    }
    static bool hasDiagnostic(const openapi::ImportResult &r, const QString &path, const QString &text)
    {
        for (const auto &d : r.diagnostics)
            if (d.path == path && d.message.contains(text))
                return true;
        return false;
    }
    static const model::ApiModel *findModel(const model::Api &api, const QString &name)
    {
        for (const auto &m : api.design.models)
            if (m.name == name)
                return &m;
        return nullptr;
    }

private slots:
    void yamlScalarsAreTypedLikeOpenApiTools()
    {
        openapi::SyntaxError e;
        const auto v = openapi::parseJsonOrYaml("a: 200\nb: '200'\nc: yes\nd: true\ne: ~\nf: 1.5\ng: 2022-04-12\n", &e);
        QVERIFY(v);
        const QJsonObject o = v->toObject();
        QCOMPARE(o.value(QLatin1String("a")), QJsonValue(200));
        QCOMPARE(o.value(QLatin1String("b")), QJsonValue(QStringLiteral("200")));
        QCOMPARE(o.value(QLatin1String("c")), QJsonValue(QStringLiteral("yes")));
        QCOMPARE(o.value(QLatin1String("d")), QJsonValue(true));
        QVERIFY(o.value(QLatin1String("e")).isNull());
        QCOMPARE(o.value(QLatin1String("f")), QJsonValue(1.5));
        QCOMPARE(o.value(QLatin1String("g")), QJsonValue(QStringLiteral("2022-04-12")));
        // and what toYaml writes reads back the same
        QCOMPARE(openapi::parseJsonOrYaml(openapi::toYaml(o), &e), std::optional<QJsonValue>(o));
    }

    void pathsBecomeAResourceTreeWithoutHolesAndStableIds()
    {
        const QByteArray doc = "openapi: 3.0.1\ninfo: {title: T, version: '1'}\npaths:\n"
                               "  /a/b/{id}/c:\n    get:\n      responses: {'200': {description: 200 response}}\n"
                               "  /x/{proxy+}:\n    x-amazon-apigateway-any-method:\n      responses: {'200': {description: 200 response}}\n"
                               "      x-amazon-apigateway-integration: {type: http_proxy, httpMethod: ANY, uri: 'http://h/{proxy}'}\n";
        const auto first = importYaml(doc);
        QVERIFY(first.ok);
        QStringList paths;
        for (const auto &r : first.api.design.resources)
            paths.append(r.path);
        QCOMPARE(paths, (QStringList{QStringLiteral("/"), QStringLiteral("/a"), QStringLiteral("/a/b"), QStringLiteral("/a/b/{id}"),
                                     QStringLiteral("/a/b/{id}/c"), QStringLiteral("/x"), QStringLiteral("/x/{proxy+}")}));
        const model::Method &any = first.api.design.resource(QStringLiteral("/x/{proxy+}"))->methods.value(QStringLiteral("ANY"));
        QCOMPARE(any.requestParameters.value(QStringLiteral("method.request.path.proxy")), true);
        QVERIFY(any.integration->type == model::IntegrationType::HttpProxy);
        // the GET without an integration got a MOCK one, and said so
        QVERIFY(first.api.design.resource(QStringLiteral("/a/b/{id}/c"))->methods.value(QStringLiteral("GET")).integration);
        QVERIFY(hasDiagnostic(first, QStringLiteral("paths[\"/a/b/{id}/c\"].get"), QStringLiteral("MOCK integration")));
        QCOMPARE(importYaml(doc).api.design.resources, first.api.design.resources);
    }

    void refsAcrossFilesAndRecursiveSchemasStayReferences()
    {
        QTemporaryDir dir;
        QFile common(dir.filePath(QStringLiteral("common.yaml")));
        QVERIFY(common.open(QIODevice::WriteOnly));
        common.write("Node:\n  type: object\n  properties:\n    children:\n      type: array\n      items: {$ref: '#/Node'}\n"
                     "Limit:\n  name: limit\n  in: query\n  required: true\n  schema: {type: string}\n");
        common.close();
        QFile root(dir.filePath(QStringLiteral("api.yaml")));
        QVERIFY(root.open(QIODevice::WriteOnly));
        root.write("openapi: 3.0.1\ninfo: {title: T, version: '1'}\npaths:\n  /tree:\n    post:\n"
                   "      parameters: [{$ref: 'common.yaml#/Limit'}]\n"
                   "      requestBody: {content: {application/json: {schema: {$ref: 'common.yaml#/Node'}}}}\n"
                   "      responses: {'200': {description: 200 response}}\n");
        root.close();
        openapi::ImportOptions options;
        options.apiId = QStringLiteral("api1");
        const auto r = openapi::importOpenApiFile(root.fileName(), options);
        QVERIFY(r.ok);
        const model::Method &post = r.api.design.resource(QStringLiteral("/tree"))->methods.value(QStringLiteral("POST"));
        QCOMPARE(post.requestParameters.value(QStringLiteral("method.request.querystring.limit")), true);
        QCOMPARE(post.requestModels.value(QStringLiteral("application/json")), QStringLiteral("Node"));
        const model::ApiModel *node = findModel(r.api, QStringLiteral("Node"));
        QVERIFY(node);
        QCOMPARE(node->schema.value(QLatin1String("properties")).toObject().value(QLatin1String("children")).toObject()
                     .value(QLatin1String("items")).toObject().value(QLatin1String("$ref")).toString(),
                 QStringLiteral("https://apigateway.amazonaws.com/restapis/api1/models/Node"));
    }

    void extensionsReachTheModel()
    {
        const QByteArray doc = R"({"swagger": "2.0", "info": {"title": "T", "version": "1"},
          "x-amazon-apigateway-api-key-source": "AUTHORIZER",
          "x-amazon-apigateway-binary-media-types": ["image/png"],
          "x-amazon-apigateway-minimum-compression-size": 1024,
          "x-amazon-apigateway-request-validators": {"all": {"validateRequestBody": true, "validateRequestParameters": true}},
          "x-amazon-apigateway-request-validator": "all",
          "x-amazon-apigateway-gateway-responses": {"UNAUTHORIZED": {"statusCode": "401", "responseTemplates": {"application/json": "{}"}}},
          "x-amazon-apigateway-policy": {"Version": "2012-10-17", "Statement": []},
          "securityDefinitions": {
            "api_key": {"type": "apiKey", "name": "x-api-key", "in": "header"},
            "tok": {"type": "apiKey", "name": "X-Token", "in": "header", "x-amazon-apigateway-authtype": "custom",
                    "x-amazon-apigateway-authorizer": {"type": "token", "authorizerUri": "arn:x", "authorizerResultTtlInSeconds": 60}},
            "sigv4": {"type": "apiKey", "name": "Authorization", "in": "header", "x-amazon-apigateway-authtype": "awsSigv4"}},
          "paths": {"/p": {
            "get": {"security": [{"tok": [], "api_key": []}], "responses": {"200": {"description": "200 response"}},
                    "x-amazon-apigateway-integration": {"type": "mock", "connectionType": "VPC_LINK", "responses": {"default": {"statusCode": 200}}}},
            "put": {"security": [{"sigv4": []}], "parameters": [{"name": "c", "in": "formData", "type": "string"}],
                    "responses": {"200": {"description": "200 response"}}, "x-amazon-apigateway-integration": {"type": "mock"}}}}})";
        const auto r = importYaml(doc);
        QVERIFY(r.ok);
        const model::ApiDefinition &def = r.api.design;
        QCOMPARE(def.apiKeySource, QStringLiteral("AUTHORIZER"));
        QCOMPARE(def.binaryMediaTypes, QStringList{QStringLiteral("image/png")});
        QCOMPARE(def.gatewayResponses.value(QStringLiteral("UNAUTHORIZED")).statusCode, std::optional<int>(401));
        QCOMPARE(def.policy.value(QLatin1String("Version")).toString(), QStringLiteral("2012-10-17"));
        QCOMPARE(r.keptExtensions.value(QLatin1String("x-amazon-apigateway-minimum-compression-size")).toInt(), 1024);
        QCOMPARE(def.authorizers.size(), 1);
        QCOMPARE(def.authorizers[0].type, QStringLiteral("TOKEN"));
        QCOMPARE(def.authorizers[0].identitySource, QStringLiteral("method.request.header.X-Token"));
        QCOMPARE(def.authorizers[0].resultTtlInSeconds, 60);
        const model::Method get = def.resource(QStringLiteral("/p"))->methods.value(QStringLiteral("GET"));
        QCOMPARE(get.authorizationType, QStringLiteral("CUSTOM"));
        QCOMPARE(get.authorizerId, def.authorizers[0].id);
        QVERIFY(get.apiKeyRequired);
        QCOMPARE(get.requestValidatorId, def.requestValidators[0].id);
        QCOMPARE(get.integration->integrationResponses[0].statusCode, QStringLiteral("200"));
        QCOMPARE(def.resource(QStringLiteral("/p"))->methods.value(QStringLiteral("PUT")).authorizationType, QStringLiteral("AWS_IAM"));
        // what the model cannot hold is reported where it is
        QVERIFY(hasDiagnostic(r, QStringLiteral("paths[\"/p\"].get.x-amazon-apigateway-integration.connectionType"), QStringLiteral("VPC_LINK")));
        QVERIFY(hasDiagnostic(r, QStringLiteral("paths[\"/p\"].put.parameters[0]"), QStringLiteral("formData")));
    }

    void httpApisAreImportedWhenChosenWithTheirDefaultRoute()
    {
        const QByteArray doc = "openapi: 3.0.1\ninfo: {title: H, version: '1'}\nx-amazon-apigateway-importexport-version: '1.0'\n"
                               "x-amazon-apigateway-cors: {allowOrigins: ['*']}\npaths:\n  /$default:\n    x-amazon-apigateway-any-method:\n"
                               "      isDefaultRoute: true\n      x-amazon-apigateway-integration: {type: aws_proxy, httpMethod: POST, uri: 'arn:aws:apigateway:us-east-1:lambda:path/f', payloadFormatVersion: 2.0}\n";
        openapi::ImportOptions options;
        options.apiId = QStringLiteral("api1");
        options.type = model::ApiType::Http;
        const auto r = openapi::importOpenApi(doc, QStringLiteral("api.yaml"), options);
        QVERIFY(r.ok);
        QVERIFY(r.api.type == model::ApiType::Http);
        QVERIFY(r.api.design.defaultRoute);
        QCOMPARE(r.api.design.defaultRoute->integration->payloadFormatVersion, QStringLiteral("2.0"));
        QCOMPARE(r.api.design.corsConfiguration.value(QLatin1String("allowOrigins")).toArray().size(), 1);
        QCOMPARE(r.api.design.resources.size(), 1); // the $default route is no resource
    }

    // AWS imports a document as the kind of API it is imported into: without a chosen type the
    // document is a REST API, and what makes it look like an HTTP API is said for the hint.
    void theTypeIsChosenNotGuessed_data()
    {
        QTest::addColumn<QByteArray>("doc");
        QTest::addColumn<QString>("sign");
        const QByteArray head = "openapi: 3.0.1\ninfo: {title: H, version: '1'}\n";
        QTest::newRow("cors") << head + "x-amazon-apigateway-cors: {allowOrigins: ['*']}\npaths: {}\n"
                              << QStringLiteral("x-amazon-apigateway-cors at the top");
        QTest::newRow("payload 2.0") << head + "paths:\n  /a:\n    get:\n      responses: {}\n      x-amazon-apigateway-integration: "
                                              "{type: aws_proxy, httpMethod: POST, uri: 'arn:aws:apigateway:us-east-1:lambda:path/f', payloadFormatVersion: '2.0'}\n"
                                     << QStringLiteral("paths[\"/a\"].get.x-amazon-apigateway-integration.payloadFormatVersion 2.0");
        QTest::newRow("payload 1.0 is REST's") << head + "paths:\n  /a:\n    get:\n      responses: {}\n      x-amazon-apigateway-integration: "
                                                        "{type: aws_proxy, httpMethod: POST, uri: 'arn:aws:apigateway:us-east-1:lambda:path/f', payloadFormatVersion: '1.0'}\n"
                                               << QString();
        QTest::newRow("plain") << head + "paths: {}\n" << QString();
    }

    void theTypeIsChosenNotGuessed()
    {
        QFETCH(QByteArray, doc);
        QFETCH(QString, sign);
        const auto r = importYaml(doc);
        QVERIFY(r.ok);
        QVERIFY(r.api.type == model::ApiType::Rest);
        QCOMPARE(r.httpApiSign, sign);
        QCOMPARE(openapi::typeHint(r.httpApiSign).isEmpty(), sign.isEmpty());
        if (!sign.isEmpty())
            QVERIFY(openapi::typeHint(r.httpApiSign).contains(sign));
    }

    // An authorizer without its own identitySource reads the security scheme's apiKey location
    // (API Gateway's import); its own identitySource wins.
    void identitySourceComesFromTheSecurityScheme_data()
    {
        QTest::addColumn<QByteArray>("scheme");
        QTest::addColumn<bool>("http");
        QTest::addColumn<QString>("identitySource");
        QTest::newRow("token, header") << QByteArray(R"({"type": "apiKey", "name": "X-Token", "in": "header",
            "x-amazon-apigateway-authorizer": {"type": "token", "authorizerUri": "arn:x"}})") << false << QStringLiteral("method.request.header.X-Token");
        QTest::newRow("cognito, header") << QByteArray(R"({"type": "apiKey", "name": "Authorization", "in": "header",
            "x-amazon-apigateway-authorizer": {"type": "cognito_user_pools", "providerARNs": ["arn:aws:cognito-idp:us-east-1:1:userpool/p"]}})")
                                         << false << QStringLiteral("method.request.header.Authorization");
        QTest::newRow("request, header") << QByteArray(R"({"type": "apiKey", "name": "Auth", "in": "header",
            "x-amazon-apigateway-authorizer": {"type": "request", "authorizerUri": "arn:x"}})") << false << QStringLiteral("method.request.header.Auth");
        QTest::newRow("request, query") << QByteArray(R"({"type": "apiKey", "name": "token", "in": "query",
            "x-amazon-apigateway-authorizer": {"type": "request", "authorizerUri": "arn:x"}})") << false << QStringLiteral("method.request.querystring.token");
        QTest::newRow("own identitySource wins") << QByteArray(R"({"type": "apiKey", "name": "X-Token", "in": "header",
            "x-amazon-apigateway-authorizer": {"type": "request", "authorizerUri": "arn:x", "identitySource": "method.request.header.A, method.request.querystring.b"}})")
                                                 << false << QStringLiteral("method.request.header.A, method.request.querystring.b");
        QTest::newRow("http api, header") << QByteArray(R"({"type": "apiKey", "name": "Auth", "in": "header",
            "x-amazon-apigateway-authorizer": {"type": "request", "authorizerUri": "arn:x", "authorizerPayloadFormatVersion": "2.0"}})")
                                          << true << QStringLiteral("$request.header.Auth");
        QTest::newRow("token cannot read a query") << QByteArray(R"({"type": "apiKey", "name": "token", "in": "query",
            "x-amazon-apigateway-authorizer": {"type": "token", "authorizerUri": "arn:x"}})") << false << QString();
    }

    void identitySourceComesFromTheSecurityScheme()
    {
        QFETCH(QByteArray, scheme);
        QFETCH(bool, http);
        QFETCH(QString, identitySource);
        const QByteArray doc = R"({"openapi": "3.0.1", "info": {"title": "T", "version": "1"},
          "components": {"securitySchemes": {"auth": )" + scheme + R"(}},
          "paths": {"/p": {"get": {"security": [{"auth": []}], "responses": {"200": {"description": "200 response"}},
                    "x-amazon-apigateway-integration": {"type": "mock"}}}}})";
        openapi::ImportOptions options;
        options.apiId = QStringLiteral("api1");
        if (http)
            options.type = model::ApiType::Http;
        const auto r = openapi::importOpenApi(doc, QStringLiteral("api.json"), options);
        QVERIFY(r.ok);
        QCOMPARE(r.api.design.authorizers.size(), 1);
        QCOMPARE(r.api.design.authorizers[0].identitySource, identitySource);
        if (identitySource.isEmpty())
            QVERIFY(hasDiagnostic(r, QStringLiteral("components.securitySchemes.auth.x-amazon-apigateway-authorizer"),
                                  QStringLiteral("reads a header")));
    }

    // Deployment templates leave `${name}` where a URI belongs; the name becomes a stage
    // variable, so the API passes check and is served once a stage sets it.
    void templatePlaceholdersBecomeStageVariables()
    {
        const QByteArray doc = "swagger: '2.0'\ninfo: {title: T, version: '1'}\npaths:\n"
                               "  /a:\n    get:\n      responses: {}\n      x-amazon-apigateway-integration: {type: http, httpMethod: GET, uri: '${uri}/{id}'}\n"
                               "  /b:\n    get:\n      responses: {}\n      x-amazon-apigateway-integration: {type: aws, httpMethod: POST, uri: '${lambda_arn}'}\n"
                               "  /c:\n    get:\n      responses: {}\n      x-amazon-apigateway-integration: {type: http, httpMethod: GET, uri: '${stageVariables.up}/c'}\n";
        const auto r = importYaml(doc);
        QVERIFY(r.ok);
        const auto uri = [&](const char *path) {
            return r.api.design.resource(QLatin1String(path))->methods.value(QStringLiteral("GET")).integration->uri;
        };
        QCOMPARE(uri("/a"), QStringLiteral("${stageVariables.uri}/{id}"));
        QCOMPARE(uri("/b"), QStringLiteral("${stageVariables.lambda_arn}"));
        QCOMPARE(uri("/c"), QStringLiteral("${stageVariables.up}/c"));
        QVERIFY(hasDiagnostic(r, QStringLiteral("paths[\"/a\"].get.x-amazon-apigateway-integration.uri"), QStringLiteral("template placeholder")));
        QVERIFY(!hasDiagnostic(r, QStringLiteral("paths[\"/c\"].get.x-amazon-apigateway-integration.uri"), QStringLiteral("template placeholder")));
        model::Project project;
        project.apis.append(r.api);
        QVERIFY(!model::hasErrors(model::check(project)));
    }

    void schemaDescriptionsDescribeTheirModels()
    {
        const QByteArray doc = R"({"openapi": "3.0.1", "info": {"title": "T", "version": "1"},
          "components": {"schemas": {"Pet": {"type": "object", "description": "A pet for sale"}, "Plain": {"type": "string"}}},
          "paths": {"/p": {"post": {"requestBody": {"content": {"application/json": {"schema": {"type": "object", "description": "inline body"}}}},
                    "responses": {"200": {"description": "200 response", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Pet"}}}}},
                    "x-amazon-apigateway-integration": {"type": "mock"}}}}})";
        const auto r = importYaml(doc, QStringLiteral("api.json"));
        QVERIFY(r.ok);
        QCOMPARE(findModel(r.api, QStringLiteral("Pet"))->description, QStringLiteral("A pet for sale"));
        QCOMPARE(findModel(r.api, QStringLiteral("Plain"))->description, QString());
        const QString body = r.api.design.resource(QStringLiteral("/p"))->methods.value(QStringLiteral("POST")).requestModels.value(QStringLiteral("application/json"));
        QVERIFY(!body.isEmpty());
        QCOMPARE(findModel(r.api, body)->description, QStringLiteral("inline body"));

        // A description given to a model (not to its schema) is exported on the schema.
        model::Project project;
        project.apis.append(r.api);
        for (auto &m : project.apis[0].design.models)
            if (m.name == QLatin1String("Plain"))
                m.description = QStringLiteral("Just text");
        for (const auto format : {openapi::ExportFormat::OpenApi30, openapi::ExportFormat::Swagger20}) {
            openapi::ExportOptions eo;
            eo.format = format;
            const auto e = openapi::exportOpenApi(project, eo);
            QVERIFY(e.ok);
            const auto back = importYaml(e.document, QStringLiteral("back.json"));
            QVERIFY(back.ok);
            QCOMPARE(findModel(back.api, QStringLiteral("Plain"))->description, QStringLiteral("Just text"));
            QCOMPARE(findModel(back.api, QStringLiteral("Pet"))->description, QStringLiteral("A pet for sale"));
        }
    }

    void resourcesAreInTheOrderOfTheirPaths()
    {
        // Siblings whose names start alike interleave with each other's descendants: "/a" < "/a-b"
        // < "/a-b/x" < "/a/y" in string order.
        QByteArray doc = "openapi: 3.0.1\ninfo: {title: T, version: '1'}\npaths:\n";
        for (const char *path : {"/a/y", "/a-b/x", "/a", "/a.b/c/d", "/A", "/a/{id}/z", "/b", "/a!/q"})
            doc += QByteArray("  ") + path + ":\n    get: {responses: {'200': {description: 200 response}}}\n";
        const auto r = importYaml(doc);
        QVERIFY(r.ok);
        QStringList paths, ids;
        for (const auto &res : r.api.design.resources) {
            paths.append(res.path);
            ids.append(res.id);
        }
        QStringList sorted = paths;
        std::sort(sorted.begin(), sorted.end());
        QCOMPARE(paths, sorted);
        QCOMPARE(paths.size(), 14);
        ids.removeDuplicates();
        QCOMPARE(ids.size(), paths.size());
    }

    void aPathTenThousandSegmentsDeepIsTenThousandResources()
    {
        // Import was quadratic in path depth (seconds and gigabytes for this one path); ctest's
        // timeout is the guard, tests/benchmarks/openapi_import.sh measures it.
        QByteArray path;
        for (int i = 0; i < 10000; ++i)
            path += "/s" + QByteArray::number(i);
        // JSON: a YAML implicit key is at most 1024 characters.
        const auto r = importYaml(R"({"openapi": "3.0.1", "info": {"title": "T", "version": "1"}, "paths": {")" + path
                                  + R"(": {"get": {"responses": {"200": {"description": "200 response"}}}}}})");
        QVERIFY2(r.ok, qPrintable(r.diagnostics.isEmpty() ? QString() : r.diagnostics.first().toString()));
        const auto &resources = r.api.design.resources;
        QCOMPARE(resources.size(), 10001);
        QCOMPARE(resources.first().path, QStringLiteral("/"));
        QCOMPARE(resources.last().path, QString::fromLatin1(path));
        QVERIFY(resources.last().methods.contains(QStringLiteral("GET")));
        for (qsizetype i = 1; i < resources.size(); ++i) // a chain: each one's parent just before it
            QVERIFY(resources[i].parentPath() == resources[i - 1].path);
    }

    void whatCheckWouldRefuseIsRepairedWithAWarning()
    {
        const QByteArray doc = "swagger: '2.0'\ninfo: {title: T, version: '1'}\npaths:\n  /a:\n    get:\n      responses: {'200': {description: ok}}\n"
                               "      x-amazon-apigateway-integration:\n        type: http\n        httpMethod: GET\n        uri: 'ftp://files.example/a'\n"
                               "        requestTemplates: {application/json: '#if(', text/plain: 'ok'}\n        responses: {default: {statusCode: '200'}}\n";
        const auto r = importYaml(doc);
        QVERIFY(r.ok);
        const model::Method get = r.api.design.resource(QStringLiteral("/a"))->methods.value(QStringLiteral("GET"));
        QVERIFY(get.integration->type == model::IntegrationType::Mock);
        QVERIFY(hasDiagnostic(r, QStringLiteral("paths[\"/a\"].get"), QStringLiteral("is not an http:// or https:// URL (integration.uri): a MOCK integration")));
        QVERIFY(hasDiagnostic(r, QStringLiteral("paths[\"/a\"].get.x-amazon-apigateway-integration.requestTemplates[\"application/json\"]"),
                              QStringLiteral("mapping template does not parse")));
    }

    void errorsSayWhatAndWhere_data()
    {
        QTest::addColumn<QByteArray>("doc");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("message");
        QTest::newRow("openapi 3.1") << QByteArray("openapi: 3.1.0\ninfo: {title: T, version: '1'}\n") << QStringLiteral("openapi") << QStringLiteral("3.1.0 is not supported");
        QTest::newRow("json syntax") << QByteArray("{\n  \"openapi\": \"3.0.1\",\n  \"info\": }\n") << QStringLiteral("3:12") << QStringLiteral("object is missing");
        QTest::newRow("unknown integration type") << QByteArray("swagger: '2.0'\ninfo: {title: T, version: '1'}\npaths:\n  /a:\n    get:\n      responses: {}\n      x-amazon-apigateway-integration: {type: lambda}\n")
                                                  << QStringLiteral("paths[\"/a\"].get.x-amazon-apigateway-integration.type") << QStringLiteral("unknown integration type 'lambda'");
        QTest::newRow("undefined validator") << QByteArray("swagger: '2.0'\ninfo: {title: T, version: '1'}\npaths:\n  /a:\n    get:\n      responses: {}\n      x-amazon-apigateway-request-validator: strict\n")
                                             << QStringLiteral("paths[\"/a\"].get.x-amazon-apigateway-request-validator") << QStringLiteral("'strict' is not defined");
        QTest::newRow("bad path") << QByteArray("swagger: '2.0'\ninfo: {title: T, version: '1'}\npaths:\n  /a/{p+}/b:\n    get: {responses: {}}\n")
                                  << QStringLiteral("paths[\"/a/{p+}/b\"]") << QStringLiteral("greedy path variable");
        QTest::newRow("schema check refuses") << QByteArray("openapi: 3.0.1\ninfo: {title: T, version: '1'}\npaths:\n  /a:\n    get:\n      responses: {'200': {description: ok, content: {application/json: {schema: {type: uuid}}}}}\n")
                                              << QStringLiteral("paths[\"/a\"].get.responses.200.content[\"application/json\"].schema") << QStringLiteral("is not a valid JSON Schema (draft 4): Unrecognised JSON type name 'uuid'");
        QTest::newRow("billion laughs") << QByteArray("a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
                                                      "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]\n")
                                        << QStringLiteral("6:12") << QStringLiteral("alias *e expands the document beyond 1048576 bytes");
        QTest::newRow("ref loop") << QByteArray("swagger: '2.0'\ninfo: {title: T, version: '1'}\nparameters:\n  a: {$ref: '#/parameters/b'}\n  b: {$ref: '#/parameters/a'}\npaths:\n  /a:\n    get:\n      parameters: [{$ref: '#/parameters/a'}]\n      responses: {}\n")
                                  << QStringLiteral("paths[\"/a\"].get.parameters[0]") << QStringLiteral("in a loop");
    }

    void errorsSayWhatAndWhere()
    {
        QFETCH(QByteArray, doc);
        QFETCH(QString, path);
        QFETCH(QString, message);
        const auto r = importYaml(doc);
        QVERIFY(!r.ok);
        bool found = false;
        for (const auto &d : r.diagnostics)
            found = found || (d.severity == model::Diagnostic::Severity::Error && d.path == path && d.message.contains(message));
        QVERIFY2(found, qPrintable(r.diagnostics.isEmpty() ? QStringLiteral("no diagnostics") : r.diagnostics.first().toString()));
    }
};

QTEST_GUILESS_MAIN(TestOpenApiImport)
#include "tst_openapi_import.moc"
