#pragma once

#include "documentset.h"

#include <QHash>
#include <QJsonValue>
#include <QSet>

namespace gw::openapi {

class ImportContext;

// Turns OpenAPI schemas into the API's models (JSON Schema). Every schema a `$ref` reaches
// becomes one model, referenced as API Gateway references models
// (https://apigateway.amazonaws.com/restapis/{apiId}/models/{name}), so recursive schemas stay
// references and are never expanded.
class SchemaConverter
{
public:
    explicit SchemaConverter(ImportContext &context) : m_context(context) {}

    // Registers each entry of components/schemas (or definitions) under its own name.
    void importNamedSchemas(const QJsonObject &schemas, const QString &pointer, const QString &path);

    // The model a body or response schema stands for: the model a bare $ref names, or a new
    // model called `suggestedName` holding the inline schema. Empty on error.
    QString modelFor(const QJsonValue &schema, const Location &at, const QString &suggestedName, const QString &path);

    static QString modelUrl(const QString &apiId, const QString &name);
    // Where in the document a model's schema came from (its diagnostics path).
    QString documentPath(const QString &model) const { return m_paths.value(model); }

private:
    QString modelForLocation(const Location &target, const QString &preferredName, const QString &path);
    QJsonValue rewrite(const QJsonValue &schema, const Location &at, const QString &path, int depth);
    QString uniqueName(const QString &wanted, const QString &path);

    ImportContext &m_context;
    QHash<Location, QString> m_names;
    QSet<QString> m_used;
    QHash<QString, QString> m_paths; // model name → document path
};

} // namespace gw::openapi
