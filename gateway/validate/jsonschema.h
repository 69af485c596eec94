#pragma once

#include <QJsonValue>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>

namespace gw::validate {

// A JSON Schema (draft 4) compiled once, at deploy time, and then used by any thread.
// valijson does the work; its headers stay in jsonschema.cpp.
class JsonSchema {
public:
    // Supplies the document a `$ref` names (its URI without the fragment); nullopt when unknown.
    using DocumentResolver = std::function<std::optional<QJsonValue>(const QString &uri)>;

    ~JsonSchema();
    // Null with `error` set when the schema is not valid draft 4 or a reference cannot be resolved.
    static std::shared_ptr<const JsonSchema> compile(
        const QJsonValue &schema, const DocumentResolver &resolve, QString *error);
    // Thread-safe. `errors` (optional) gets one line per failed constraint: "<path>: what".
    bool validate(const QJsonValue &instance, QStringList *errors = nullptr) const;
    // Parses a request body as any JSON value (not only objects and arrays); nullopt if it is not JSON.
    static std::optional<QJsonValue> parseJson(const QByteArray &text, QString *error = nullptr);

private:
    JsonSchema();
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace gw::validate
