#pragma once

#include "jsonschema.h"

#include "gateway/model/api.h"
#include "gateway/model/diagnostic.h"

#include <QHash>

namespace gw::validate {

// The models of one API compiled as JSON Schemas, with API Gateway's built-in `Empty` and
// `Error` models. A model may `$ref` another model of the same API as AWS writes it,
// `https://apigateway.amazonaws.com/restapis/{apiId}/models/{name}` (the API id is not checked:
// a deployment only knows its own models), as well as `#/definitions/...` inside itself.
class ModelSchemas
{
public:
    // Problems go to `diagnostics` under `path` + ".models[i].schema".
    static ModelSchemas compile(const model::ApiDefinition &definition, model::Diagnostics *diagnostics,
                                const QString &path);
    std::shared_ptr<const JsonSchema> schema(const QString &name) const { return m_schemas.value(name); }
    static QJsonObject builtInModel(const QString &name); // empty object when not built in

private:
    QHash<QString, std::shared_ptr<const JsonSchema>> m_schemas;
};

// The model name a `$ref` document URI points at, or empty.
QString modelNameFromRef(const QString &uri);

} // namespace gw::validate
