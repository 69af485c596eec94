#include "gateway/validate/jsonschema.h"
#include "gateway/validate/validationerrorstring.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace gw::validate;

// $context.error.validationErrorString in the wording of AWS's validator where we know it.
class TestValidationErrorString : public QObject
{
    Q_OBJECT

    static QString describe(const char *schema, const char *instance)
    {
        const auto s = JsonSchema::compile(QJsonDocument::fromJson(schema).object(), {}, nullptr);
        const QJsonValue value = *JsonSchema::parseJson(instance);
        QStringList errors;
        if (!s || s->validate(value, &errors))
            return QStringLiteral("<valid>");
        return validationErrorString(errors, value);
    }

private slots:
    void messages_data()
    {
        QTest::addColumn<QString>("schema");
        QTest::addColumn<QString>("instance");
        QTest::addColumn<QString>("expected");
        QTest::newRow("missing, grouped and sorted")
            << QStringLiteral("{\"type\":\"object\",\"required\":[\"b\",\"a\"]}") << QStringLiteral("{}")
            << QStringLiteral("[object has missing required properties ([\"a\",\"b\"])]");
        QTest::newRow("type of a nested value, parents' summaries dropped")
            << QStringLiteral("{\"properties\":{\"p\":{\"properties\":{\"q\":{\"type\":\"integer\"}}}}}") << QStringLiteral("{\"p\":{\"q\":1.5}}")
            << QStringLiteral("[instance type (number) does not match any allowed primitive type]");
        QTest::newRow("other problems keep valijson's text and a pointer")
            << QStringLiteral("{\"items\":{\"enum\":[1,2]}}") << QStringLiteral("[1,3]")
            << QStringLiteral("[Failed to match against any enum values. (at /1)]");
        QTest::newRow("valid") << QStringLiteral("{\"type\":\"array\"}") << QStringLiteral("[]") << QStringLiteral("<valid>");
    }

    void messages()
    {
        QFETCH(QString, schema);
        QFETCH(QString, instance);
        QFETCH(QString, expected);
        QCOMPARE(describe(schema.toUtf8().constData(), instance.toUtf8().constData()), expected);
    }
};

QTEST_MAIN(TestValidationErrorString)
#include "tst_validationerrorstring.moc"
