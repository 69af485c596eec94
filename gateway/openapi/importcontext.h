#pragma once

#include "documentset.h"
#include "openapiimport.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QMap>
#include <QSet>

namespace gw::openapi {

class SchemaConverter;

// What a security scheme stands for once read.
struct SecurityScheme
{
    enum class Kind { ApiKey, Authorizer, Iam, Unsupported };
    Kind kind = Kind::Unsupported;
    QString authorizerId;
    QString authorizationType;     // CUSTOM, COGNITO_USER_POOLS, JWT
};

// State shared by the parts of one import. Not thread-safe; one per import.
class ImportContext
{
public:
    ImportContext(DocumentSet &docs, const ImportOptions &options, model::Api &api);

    DocumentSet &docs;
    const ImportOptions &options;
    model::Api &api;
    model::ApiDefinition &def;
    bool v3 = true;                              // OpenAPI 3.0 (else Swagger 2.0)
    bool http = false;                           // importing an HTTP API
    QStringList rootConsumes;                    // Swagger 2.0
    QStringList rootProduces;
    QString defaultValidatorId;                  // root x-amazon-apigateway-request-validator
    QMap<QString, SecurityScheme> schemes;
    QJsonArray rootSecurity;                     // applies where an operation has no `security`
    model::Diagnostics diagnostics;

    void warn(const QString &path, const QString &message);
    void error(const QString &path, const QString &message);

    // Follows $refs; records an error at `path` and returns nullopt when that fails or the
    // target is not an object. `at` is where the value was found and becomes where it lives.
    std::optional<QJsonObject> object(const QJsonValue &value, Location &at, const QString &path);

    // Warns about every key of `o` that is neither in `known` nor documentation; documentation
    // keys are tallied and reported once each in finish().
    void checkKeys(const QJsonObject &o, const QString &path, std::initializer_list<const char *> known);

    // Tallies a documentation-only field that is left out.
    void noteDocumentation(const QString &path, const QString &key);
    // Appends the grouped documentation warnings.
    void finish();

    SchemaConverter &schemas() { return *m_schemas; }
    void setSchemas(SchemaConverter *converter) { m_schemas = converter; }

    QString authorizerIdFor(const QString &name) const;
    QString validatorIdByName(const QString &name) const;

private:
    SchemaConverter *m_schemas = nullptr;
    QMap<QString, QStringList> m_documentation; // key → paths where it was left out
};

QString childPath(const QString &parent, const QString &key);
QString childPath(const QString &parent, qsizetype index);
// Numbers written where strings belong (statusCode: 200, payloadFormatVersion: 1.0).
QString scalarString(const QJsonValue &v);
QStringList stringList(const QJsonValue &v);
QMap<QString, QString> stringMap(const QJsonValue &v);

} // namespace gw::openapi
