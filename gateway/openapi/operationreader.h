#pragma once

#include "documentset.h"

#include "gateway/model/api.h"

#include <QJsonObject>

namespace gw::openapi {

class ImportContext;

// One parameter as OpenAPI declares it, after $refs are followed.
struct Parameter
{
    QJsonObject json;
    Location at;
    QString path;
};

// What a REST method without a usable integration gets: MOCK, answering 200.
model::Integration mockAnswering200();

// Reads one operation (get, post, ..., x-amazon-apigateway-any-method) into a Method.
class OperationReader
{
public:
    explicit OperationReader(ImportContext &context) : m_context(context) {}

    // `inherited`: the path item's parameters, which the operation's own may override.
    model::Method read(const QString &verb, const QString &resourcePath, const QJsonObject &operation,
                       const Location &at, const QList<Parameter> &inherited, const QString &path);

    // Resolves a parameters array; errors are recorded and bad entries left out.
    QList<Parameter> parameters(const QJsonValue &array, const Location &at, const QString &path);

private:
    void readParameters(model::Method &m, const QList<Parameter> &params, const QString &modelBase, const QJsonObject &op);
    void readRequestBody(model::Method &m, const QJsonValue &body, Location at, const QString &modelBase, const QString &path);
    void readResponses(model::Method &m, const QJsonObject &operation, const Location &at, const QString &modelBase, const QString &path);
    void readIntegration(model::Method &m, const QJsonObject &operation, const Location &at, const QString &path);
    QStringList mediaTypes(const QJsonObject &operation, const char *key) const;

    ImportContext &m_context;
};

} // namespace gw::openapi
