// valijson reports problems by exception only when asked to; without it, it aborts the process.
#define VALIJSON_USE_EXCEPTIONS 1

#include "jsonschema.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <valijson/adapters/qtjson_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>

#include <regex>
#include <stdexcept>

namespace gw::validate {

struct JsonSchema::Impl
{
    valijson::Schema schema;
};

JsonSchema::JsonSchema() : d(std::make_unique<Impl>()) {}
JsonSchema::~JsonSchema() = default;

// valijson compiles `pattern` and `patternProperties` regexes (std::regex, ECMAScript) on first
// use, during validation: try them here so that a bad one is a deploy error, not a failed request.
static QString firstBadPattern(const QJsonValue &node)
{
    const auto bad = [](const QString &pattern) {
        try {
            std::regex re(pattern.toStdString());
            return false;
        } catch (const std::regex_error &) {
            return true;
        }
    };
    if (node.isArray()) {
        for (const QJsonValue &v : node.toArray())
            if (const QString p = firstBadPattern(v); !p.isNull())
                return p;
        return {};
    }
    const QJsonObject o = node.toObject();
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (it.key() == QLatin1String("pattern") && it->isString() && bad(it->toString()))
            return it->toString();
        if (it.key() == QLatin1String("patternProperties") && it->isObject())
            for (const QString &p : it->toObject().keys())
                if (bad(p))
                    return p;
        if (it->isObject() || it->isArray())
            if (const QString p = firstBadPattern(*it); !p.isNull())
                return p;
    }
    return {};
}

std::shared_ptr<const JsonSchema> JsonSchema::compile(const QJsonValue &schema, const DocumentResolver &resolve,
                                                      QString *error)
{
    if (const QString pattern = firstBadPattern(schema); !pattern.isNull()) {
        if (error)
            *error = QStringLiteral("'%1' is not a regular expression this validator supports").arg(pattern);
        return nullptr;
    }
    std::shared_ptr<JsonSchema> out(new JsonSchema);
    valijson::SchemaParser parser(valijson::SchemaParser::kDraft4);
    const valijson::adapters::QtJsonAdapter root(schema);
    QString unresolved;
    auto fetch = [&](const std::string &uri) -> const QJsonValue * {
        const QString u = QString::fromStdString(uri);
        std::optional<QJsonValue> doc = resolve ? resolve(u) : std::nullopt;
        if (!doc) {
            unresolved = u;
            return nullptr;
        }
        return new QJsonValue(*doc);
    };
    auto release = [](const QJsonValue *doc) { delete doc; };
    try {
        parser.populateSchema<valijson::adapters::QtJsonAdapter>(root, out->d->schema, fetch, release);
    } catch (const std::exception &e) {
        if (error)
            *error = unresolved.isEmpty() ? QString::fromStdString(e.what())
                                          : QStringLiteral("cannot resolve $ref %1").arg(unresolved);
        return nullptr;
    }
    return out;
}

bool JsonSchema::validate(const QJsonValue &instance, QStringList *errors) const
{
    // The validator caches compiled `pattern` regexes: one per thread, shared by all schemas.
    thread_local valijson::Validator validator;
    const valijson::adapters::QtJsonAdapter target(instance);
    valijson::ValidationResults results;
    bool ok = false;
    try {
        ok = validator.validate(d->schema, target, errors ? &results : nullptr);
    } catch (const std::exception &e) {
        // Nothing valijson throws may escape into a worker: the request fails validation.
        if (errors)
            errors->append(QStringLiteral("<root>: ") + QString::fromStdString(e.what()));
        return false;
    }
    if (!errors)
        return ok;
    valijson::ValidationResults::Error e;
    while (results.popError(e)) {
        QString path;
        for (const std::string &c : e.context)
            path += QString::fromStdString(c);
        errors->append(path + QStringLiteral(": ") + QString::fromStdString(e.description));
    }
    return ok;
}

std::optional<QJsonValue> JsonSchema::parseJson(const QByteArray &text, QString *error)
{
    // QJsonDocument takes only objects and arrays at the top: wrap, then unwrap.
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson("[" + text + "\n]", &pe);
    if (pe.error != QJsonParseError::NoError || doc.array().size() != 1) {
        if (error)
            *error = pe.error != QJsonParseError::NoError ? pe.errorString() : QStringLiteral("not one JSON value");
        return std::nullopt;
    }
    return doc.array().first();
}

} // namespace gw::validate
