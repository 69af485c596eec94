#pragma once

#include "gateway/model/api.h"

#include <QJsonObject>
#include <QString>

namespace gw::ui {

// What is wrong with a model's JSON Schema as typed: JSON syntax (with line and column), or
// draft 4 (compiled as a deployment compiles it, so a $ref to another model of the API resolves).
struct SchemaCheck
{
    bool isJsonObject = false; // the text is a JSON object (so it can be stored)
    QJsonObject schema;
    QString message;           // empty when the schema is valid
    int line = 0;              // 1-based line to mark; 0: none
    int column = 0;
    bool ok() const { return isJsonObject && message.isEmpty(); }
};

// `definition` is the API's design; the model at `index` is checked with `text` as its schema.
SchemaCheck checkModelSchema(const gw::model::ApiDefinition &definition, qsizetype index, const QString &text);

} // namespace gw::ui
