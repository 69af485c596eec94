#include "gateway/validate/ecmaregex.h"
#include "gateway/validate/jsonschema.h"
#include "gateway/validate/modelschemas.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace gw::validate;

// Schemas and bodies that used to take the process down (issue 23): std::regex recursing once
// per character of a long string, backtracking patterns, schemas that refer to themselves,
// schemas and bodies nested thousands of levels deep. Each must compile or be refused with
// where, and validate or fail, without crashing.
class TestSchemaSafety : public QObject {
    Q_OBJECT

    // "MODEL:Name" stands for the URL AWS gives a model ("//" inside raw strings confuses moc).
    static QJsonObject json(const char *text)
    {
        return QJsonDocument::fromJson(
            QByteArray(text).replace("MODEL:", "https://apigateway.amazonaws.com/restapis/API/models/"))
            .object();
    }
    static std::shared_ptr<const JsonSchema> compile(const char *schema, QString *error = nullptr)
    {
        return JsonSchema::compile(json(schema), {}, error);
    }
    static QJsonObject withString(const QString &key, const QString &value) { return {{key, value}}; }

    // Models of one API compiled as a deployment compiles them; the diagnostics' text.
    static QStringList compileModels(
        const QList<QPair<const char *, const char *>> &models, ModelSchemas *out = nullptr)
    {
        gw::model::ApiDefinition def;
        for (const auto &[name, schema] : models)
            def.models.append({QString::fromLatin1(name), QStringLiteral("application/json"), {}, json(schema)});
        gw::model::Diagnostics d;
        const ModelSchemas schemas = ModelSchemas::compile(def, &d, QStringLiteral("api"));
        if (out)
            *out = schemas;
        QStringList lines;
        for (const auto &x : d)
            lines.append(x.toString(QStringLiteral("project")));
        return lines;
    }

private slots:
    void longStringsMatchALinearPattern_data()
    {
        QTest::addColumn<int>("length");
        QTest::newRow("40,000 characters") << 40000;
        QTest::newRow("1 MB") << 1024 * 1024;
    }
    void longStringsMatchALinearPattern()
    {
        QFETCH(int, length);
        const auto schema
            = compile("{\"type\":\"object\",\"properties\":{\"s\":{\"type\":\"string\",\"pattern\":\"^[a-z]+$\"}}}");
        QVERIFY(schema);
        QVERIFY(schema->validate(withString(QStringLiteral("s"), QString(length, QLatin1Char('a')))));
        QStringList errors;
        QVERIFY(!schema->validate(
            withString(QStringLiteral("s"), QString(length, QLatin1Char('a')) + QLatin1Char('1')), &errors));
        QVERIFY2(errors.contains(QStringLiteral("<root>[s]: Failed to match regex specified by 'pattern' constraint.")),
            qPrintable(errors.join(QLatin1Char('\n'))));
    }

    void catastrophicPatternFailsValidationWithinItsLimits()
    {
        // 2^n paths for n characters; std::regex took seconds at 29 and doubled per character.
        const auto schema = compile("{\"properties\":{\"s\":{\"pattern\":\"^(a+)+$\"}}}");
        QVERIFY(schema);
        QVERIFY(schema->validate(withString(QStringLiteral("s"), QString(29, QLatin1Char('a')))));
        QStringList errors;
        QVERIFY(!schema->validate(
            withString(QStringLiteral("s"), QString(40, QLatin1Char('a')) + QLatin1Char('!')), &errors));
        QVERIFY2(errors.filter(QStringLiteral("could not be evaluated within its limits")).size() == 1,
            qPrintable(errors.join(QLatin1Char('\n'))));
        QCOMPARE(EcmaRegex::compile(QStringLiteral("^(a|aa)+$"), nullptr)->search(std::string(5000, 'a') + "b"),
            EcmaRegex::Result::TooComplex);
    }

    void patternPropertiesMatchLongNamesAndKeepTheirMeaning()
    {
        const auto schema = compile("{\"type\":\"object\",\"properties\":{\"id1\":{\"type\":\"integer\"}}, "
                                    "\"patternProperties\":{\"^[a-z]+$\":{\"type\":\"string\"},\"^x-\":{\"maxLength\":"
                                    "3}},\"additionalProperties\":false}");
        QVERIFY(schema);
        const QString longName(40000, QLatin1Char('k'));
        QStringList errors;
        QVERIFY2(schema->validate(QJsonObject {{longName, QStringLiteral("v")}, {QStringLiteral("id1"), 1}}, &errors),
            qPrintable(errors.join(QLatin1Char('\n'))));
        QVERIFY(!schema->validate(QJsonObject {{longName, 3}}, &errors));
        QVERIFY2(errors.contains(
                     QStringLiteral("<root>: Failed to validate against schema associated with pattern '^[a-z]+$'.")),
            qPrintable(errors.join(QLatin1Char('\n'))));
        errors.clear();
        QVERIFY(!schema->validate(QJsonObject {{QStringLiteral("Upper"), QStringLiteral("v")}}, &errors));
        QCOMPARE(errors,
            QStringList {QStringLiteral("<root>: Object contains a property that could not be validated using "
                                        "'properties' or 'additionalProperties' constraints: 'Upper'.")});
        QVERIFY(!schema->validate(QJsonObject {{QStringLiteral("x-long"), QStringLiteral("abcd")}}));
        QVERIFY(schema->validate(QJsonObject {{QStringLiteral("x-ok"), QStringLiteral("abc")}}));
        // A catastrophic pattern over a property name fails validation too.
        const auto slow = compile("{\"patternProperties\":{\"^(a+)+$\":{}},\"additionalProperties\":false}");
        QVERIFY(slow);
        QVERIFY(!slow->validate(QJsonObject {{QString(40, QLatin1Char('a')) + QLatin1Char('!'), 1}}));
    }

    void dateTimeFormatOnALongString()
    {
        const auto schema = compile(
            "{\"properties\":{\"t\":{\"type\":\"string\",\"format\":\"date-time\"}, \"d\":{\"format\":\"date\"}}}");
        QVERIFY(schema);
        QVERIFY(schema->validate(withString(QStringLiteral("t"), QStringLiteral("2022-07-18T16:52:45Z"))));
        QVERIFY(!schema->validate(withString(QStringLiteral("t"), QStringLiteral("2022-02-30T16:52:45Z"))));
        QVERIFY(!schema->validate(
            withString(QStringLiteral("t"), QString(40000, QLatin1Char('1')) + QStringLiteral("-x"))));
        QVERIFY(schema->validate(QJsonObject {{QStringLiteral("d"), 20220718}})); // formats ignore non-strings
    }

    void badPatternIsACompileErrorWithItsPath()
    {
        QString error;
        const char *unclosed = "{\"properties\":{\"a\":{\"pattern\":\"(unclosed\"}}}";
        QVERIFY(!compile(unclosed, &error));
        QVERIFY2(error.startsWith(QLatin1String("at #/properties/a/pattern: '(unclosed' is not a regular expression")),
            qPrintable(error));
    }

    void recursiveTreeValidatesRecursiveBodies()
    {
        const auto tree = compile("{\"type\":\"object\",\"required\":[\"name\"],\"properties\":{\"name\":{\"type\":"
                                  "\"string\"}, \"children\":{\"type\":\"array\",\"items\":{\"$ref\":\"#\"}}}}");
        QVERIFY(tree);
        QVERIFY(
            tree->validate(json("{\"name\":\"a\",\"children\":[{\"name\":\"b\",\"children\":[{\"name\":\"c\"}]}]}")));
        QVERIFY(!tree->validate(
            json("{\"name\":\"a\",\"children\":[{\"name\":\"b\",\"children\":[{\"noname\":\"c\"}]}]}")));
        const auto defs
            = compile("{\"$ref\":\"#/definitions/node\",\"definitions\":{\"node\":{\"type\":\"object\", "
                      "\"properties\":{\"next\":{\"$ref\":\"#/definitions/node\"},\"v\":{\"type\":\"integer\"}}}}}");
        QVERIFY(defs);
        QVERIFY(defs->validate(json("{\"v\":1,\"next\":{\"v\":2,\"next\":{\"v\":3}}}")));
        QVERIFY(!defs->validate(json("{\"v\":1,\"next\":{\"v\":2,\"next\":{\"v\":\"3\"}}}")));
    }

    void modelRefersToItselfByItsUrl()
    {
        ModelSchemas schemas;
        QCOMPARE(compileModels({{"Node",
                                   "{\"type\":\"object\",\"properties\":{\"v\":{\"type\":\"integer\"}, "
                                   "\"kids\":{\"type\":\"array\",\"items\":{\"$ref\":\"MODEL:Node\"}}}}"}},
                     &schemas),
            QStringList());
        const auto node = schemas.schema(QStringLiteral("Node"));
        QVERIFY(node);
        QVERIFY(node->validate(json("{\"v\":1,\"kids\":[{\"v\":2,\"kids\":[{\"v\":3}]}]}")));
        QVERIFY(!node->validate(json("{\"v\":1,\"kids\":[{\"v\":2,\"kids\":[{\"v\":\"x\"}]}]}")));
    }

    void modelsReferringToEachOtherWithStructureCompile()
    {
        ModelSchemas schemas;
        QCOMPARE(
            compileModels({{"A", "{\"properties\":{\"b\":{\"$ref\":\"MODEL:B\"},\"n\":{\"type\":\"number\"}}}"},
                              {"B", "{\"properties\":{\"a\":{\"$ref\":\"MODEL:A\"},\"s\":{\"type\":\"string\"}}}"}},
                &schemas),
            QStringList());
        QVERIFY(schemas.schema(QStringLiteral("A"))->validate(json("{\"n\":1,\"b\":{\"s\":\"x\",\"a\":{\"n\":2}}}")));
        QVERIFY(
            !schemas.schema(QStringLiteral("A"))->validate(json("{\"n\":1,\"b\":{\"s\":\"x\",\"a\":{\"n\":\"2\"}}}")));
    }

    void schemaThatIsOnlyAReferenceToItselfIsRefused_data()
    {
        QTest::addColumn<QString>("schema");
        QTest::addColumn<QString>("where");
        QTest::newRow("$ref #") << "{\"$ref\":\"#\"}"
                                << "at #: ";
        QTest::newRow("allOf $ref #") << "{\"allOf\":[{\"$ref\":\"#\"}]}"
                                      << "at #";
        QTest::newRow("definitions cycle")
            << "{\"definitions\":{\"a\":{\"$ref\":\"#/definitions/b\"},\"b\":{\"not\":{\"$ref\":\"#/definitions/"
               "a\"}}}, \"properties\":{\"x\":{\"$ref\":\"#/definitions/a\"}}}"
            << "at #/definitions/";
    }
    void schemaThatIsOnlyAReferenceToItselfIsRefused()
    {
        QFETCH(QString, schema);
        QFETCH(QString, where);
        QString error;
        QVERIFY(!JsonSchema::compile(QJsonDocument::fromJson(schema.toUtf8()).object(), {}, &error));
        QVERIFY2(
            error.startsWith(where) && error.contains(QLatin1String("refer back to themselves")), qPrintable(error));
    }

    void modelsThatAreOnlyReferencesToEachOtherAreRefused()
    {
        const QStringList lines = compileModels({{"A", "{\"$ref\":\"MODEL:B\"}"}, {"B", "{\"$ref\":\"MODEL:A\"}"}});
        QCOMPARE(lines.size(), 2);
        QVERIFY2(lines[0].startsWith(
                     QLatin1String("project:api.models[0].schema: model A is not a valid JSON Schema (draft 4): at "))
                && lines[0].contains(QLatin1String("refer back to themselves")),
            qPrintable(lines[0]));
    }

    void unresolvableRefIsRefusedWithItsPath()
    {
        QString error;
        QVERIFY(!compile("{\"properties\":{\"a\":{\"$ref\":\"#/definitions/missing\"}}}", &error));
        QCOMPARE(error, QStringLiteral("at #/properties/a: $ref #/definitions/missing points at nothing"));
        QVERIFY(!compile("{\"items\":{\"$ref\":\"MODEL:Nope\"}}", &error));
        QCOMPARE(error,
            QStringLiteral(
                "at #/items: cannot resolve $ref https://apigateway.amazonaws.com/restapis/API/models/Nope"));
    }

    void deeplyNestedSchemaIsRefused()
    {
        QJsonObject schema {{QStringLiteral("type"), QStringLiteral("string")}};
        for (int i = 0; i < 10000; ++i)
            schema = QJsonObject {{QStringLiteral("items"), schema}};
        QString error;
        QVERIFY(!JsonSchema::compile(schema, {}, &error));
        QVERIFY2(error.contains(QLatin1String("schemas nested more than 100 deep")), qPrintable(error));
        // 100 levels are fine.
        QJsonObject ok {{QStringLiteral("type"), QStringLiteral("string")}};
        for (int i = 0; i < 100; ++i)
            ok = QJsonObject {{QStringLiteral("items"), ok}};
        QVERIFY(JsonSchema::compile(ok, {}, &error));
    }

    void longChainOfReferencesCompilesAndValidates()
    {
        // 3,000 definitions, each holding the next: compiling recurses through all of them.
        QJsonObject definitions;
        const int n = 3000;
        for (int i = 0; i < n; ++i)
            definitions.insert(QStringLiteral("d%1").arg(i),
                i + 1 < n ? QJsonObject {{QStringLiteral("properties"),
                    QJsonObject {{QStringLiteral("x"),
                        QJsonObject {{QStringLiteral("$ref"), QStringLiteral("#/definitions/d%1").arg(i + 1)}}}}}}
                          : QJsonObject {{QStringLiteral("type"), QStringLiteral("string")}});
        const QJsonObject schema {
            {QStringLiteral("definitions"), definitions}, {QStringLiteral("$ref"), QStringLiteral("#/definitions/d0")}};
        QString error;
        const auto compiled = JsonSchema::compile(schema, {}, &error);
        QVERIFY2(compiled, qPrintable(error));
        QVERIFY(compiled->validate(
            QJsonObject {{QStringLiteral("x"), QJsonObject {{QStringLiteral("x"), QJsonObject()}}}}));
    }

    void deeplyNestedBodyAgainstARecursiveSchema()
    {
        const auto nested = compile("{\"type\":\"array\",\"items\":{\"$ref\":\"#\"}}");
        QVERIFY(nested);
        // The deepest body JSON parsing accepts: validation recurses once per level.
        const int depth = 1000;
        QString error;
        const std::optional<QJsonValue> body
            = JsonSchema::parseJson(QByteArray(depth, '[') + QByteArray(depth, ']'), &error);
        QVERIFY2(body, qPrintable(error));
        QVERIFY(nested->validate(*body));
        const std::optional<QJsonValue> wrong
            = JsonSchema::parseJson(QByteArray(depth, '[') + "1" + QByteArray(depth, ']'));
        QVERIFY(wrong);
        QVERIFY(!nested->validate(*wrong));
        // 10,000 levels are not JSON this parser takes (Qt stops at 1024): an invalid body.
        QVERIFY(!JsonSchema::parseJson(QByteArray(10000, '[') + QByteArray(10000, ']'), &error));
    }
};

QTEST_GUILESS_MAIN(TestSchemaSafety)
#include "tst_schemasafety.moc"
