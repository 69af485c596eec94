#include "jsonschema.h"

#include "largestack.h"
#include "schemakeywords.h"
#include "schemarewrite.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <valijson/adapters/qtjson_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>

#include <stdexcept>

namespace gw::validate {

namespace {

// valijson recurses once or a few times per schema it enters, compiling and validating alike.
// Measured (RelWithDebInfo, x86-64, GCC 12): compiling a chain of 120 schemas needs 128-192 KiB
// (about 1.5 KiB each), validating 120 levels of a recursive schema 64-96 KiB (under 0.5 KiB
// per schema on the way); these allow 2.5 to 4 times that.
// AddressSanitizer's redzones (and the Debug build it runs in) make frames several times larger.
#if defined(__SANITIZE_ADDRESS__)
constexpr size_t kFrameFactor = 8;
#else
constexpr size_t kFrameFactor = 1;
#endif
constexpr size_t kCompileStackPerSchema = 4 * 1024 * kFrameFactor;
constexpr size_t kValidateStackPerSchema = 2 * 1024 * kFrameFactor;
// What may be used on the caller's stack (a worker's or the GUI's); beyond, a thread of its own.
constexpr size_t kInlineStack = 512 * 1024 / kFrameFactor;
constexpr size_t kMaxStack = 1024 * 1024 * 1024;

size_t stackFor(size_t perSchema, size_t schemas)
{
    return std::min(kMaxStack, 2 * perSchema * schemas + 1024 * 1024);
}

// Nesting of a JSON value (a scalar is 0), without recursion.
int depthOf(const QJsonValue &root)
{
    int deepest = 0;
    QList<std::pair<QJsonValue, int>> todo {{root, 0}};
    while (!todo.isEmpty()) {
        const auto [v, depth] = todo.takeLast();
        if (v.isArray()) {
            deepest = std::max(deepest, depth + 1);
            for (const QJsonValue &e : v.toArray())
                if (e.isArray() || e.isObject())
                    todo.append({e, depth + 1});
        } else if (v.isObject()) {
            deepest = std::max(deepest, depth + 1);
            const QJsonObject o = v.toObject();
            for (auto it = o.begin(); it != o.end(); ++it)
                if (it->isArray() || it->isObject())
                    todo.append({*it, depth + 1});
        }
    }
    return deepest;
}

} // namespace

struct JsonSchema::Impl {
    valijson::Schema schema;
    std::shared_ptr<SchemaEntries> entries = std::make_shared<SchemaEntries>();
    int sameValueChain = 1;
};

JsonSchema::JsonSchema() : d(std::make_unique<Impl>()) { }
JsonSchema::~JsonSchema() = default;

std::shared_ptr<const JsonSchema> JsonSchema::compile(
    const QJsonValue &schema, const DocumentResolver &resolve, QString *error)
{
    QString why;
    const std::optional<RewrittenSchema> rewritten = RewrittenSchema::rewrite(schema, resolve, &why);
    if (!rewritten) {
        if (error)
            *error = why;
        return nullptr;
    }
    std::shared_ptr<JsonSchema> out(new JsonSchema);
    out->d->sameValueChain = rewritten->sameValueChain;
    // One valijson schema holds the schema and the sub-schemas our patternProperties keyword
    // needs, as the branches of an allOf that only serves to find them afterwards.
    QJsonArray branches;
    for (const QString &entry : rewritten->entries)
        branches.append(QJsonObject {{QStringLiteral("$ref"), entry}});
    const QJsonValue holder = QJsonObject {{QStringLiteral("allOf"), branches}};
    const auto work = [&]() {
        try {
            valijson::SchemaParser parser(valijson::SchemaParser::kDraft4);
            parser.addConstraintBuilder(kPatternKeyword, new PatternBuilder); // the parser deletes them
            parser.addConstraintBuilder(kFormatKeyword, new FormatBuilder);
            parser.addConstraintBuilder(kPatternPropertiesKeyword, new PatternPropertiesBuilder(out->d->entries));
            auto fetch = [&](const std::string &uri) -> const QJsonValue * {
                const auto it = rewritten->documents.constFind(QString::fromStdString(uri));
                return it == rewritten->documents.cend() ? nullptr : new QJsonValue(*it);
            };
            auto release = [](const QJsonValue *doc) { delete doc; };
            parser.populateSchema<valijson::adapters::QtJsonAdapter>(
                valijson::adapters::QtJsonAdapter(holder), out->d->schema, fetch, release);
            valijson::Subschema::ApplyFunction collect = [&](const valijson::constraints::Constraint &c) {
                if (const auto *all = dynamic_cast<const valijson::constraints::AllOfConstraint *>(&c))
                    all->applyToSubschemas([&](unsigned, const valijson::Subschema *s) {
                        out->d->entries->subschemas.push_back(s);
                        return true;
                    });
                return true;
            };
            out->d->schema.apply(collect);
            if (out->d->entries->subschemas.size() != size_t(rewritten->entries.size()))
                why = QStringLiteral("internal error: %1 of %2 sub-schemas compiled")
                          .arg(out->d->entries->subschemas.size())
                          .arg(rewritten->entries.size());
        } catch (const std::exception &e) {
            why = QString::fromStdString(e.what());
        }
    };
    const size_t schemas = size_t(rewritten->nodes) + size_t(rewritten->entries.size());
    if (kCompileStackPerSchema * schemas <= kInlineStack)
        work();
    else if (!runWithStack(stackFor(kCompileStackPerSchema, schemas), work))
        why = QStringLiteral("no thread with a stack for %1 schemas could be started").arg(schemas);
    if (!why.isEmpty()) {
        if (error)
            *error = why;
        return nullptr;
    }
    return out;
}

bool JsonSchema::validate(const QJsonValue &instance, QStringList *errors) const
{
    valijson::ValidationResults results;
    bool ok = false;
    QString failure;
    const auto work = [&]() {
        try {
            // Validators hold only std::regex caches, unused here (patterns are ours).
            valijson::Validator validator;
            const valijson::adapters::QtJsonAdapter target(instance);
            ok = validator.validate(*d->entries->subschemas.front(), target, errors ? &results : nullptr);
        } catch (const std::exception &e) {
            // Nothing valijson throws may escape into a worker: the request fails validation.
            failure = QString::fromStdString(e.what());
        }
    };
    // Each level of the body takes at most one chain of schemas applied to the same value: the
    // depth of recursion is bounded by (depth + 1) * chain.
    const size_t schemas = size_t(depthOf(instance) + 1) * size_t(d->sameValueChain);
    if (kValidateStackPerSchema * schemas <= kInlineStack)
        work();
    else if (!runWithStack(stackFor(kValidateStackPerSchema, schemas), work))
        failure = QStringLiteral("no thread with a stack deep enough for this body could be started");
    if (!failure.isEmpty()) {
        if (errors)
            errors->append(QStringLiteral("<root>: ") + failure);
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
    // QJsonDocument takes only objects and arrays at the top: wrap, then unwrap. Its parser
    // refuses nesting deeper than 1024 levels (DeepNesting), which bounds every walk of a body.
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
