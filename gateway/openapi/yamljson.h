#pragma once

#include <QByteArray>
#include <QJsonValue>
#include <QString>

#include <optional>

namespace gw::openapi {

// Where a syntax error is: 1-based line and column.
struct SyntaxError
{
    int line = 0;
    int column = 0;
    QString message;
};

// Parses a JSON or YAML document into JSON values. YAML scalars are typed by the YAML 1.2 core
// schema (plain `200` is a number, `"200"` a string; `yes` stays a string), as OpenAPI tools do.
std::optional<QJsonValue> parseJsonOrYaml(const QByteArray &bytes, SyntaxError *error);

// Block-style YAML; strings that would read back as another type are quoted, so
// parseJsonOrYaml(toYaml(v)) == v.
QByteArray toYaml(const QJsonValue &value);

} // namespace gw::openapi
