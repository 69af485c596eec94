#include "schemakeywords.h"

#include "ecmaregex.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <valijson/adapters/qtjson_adapter.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validation_visitor.hpp>

#include <set>
#include <stdexcept>

namespace gw::validate {

namespace {

using valijson::ValidationResults;
using valijson::adapters::Adapter;
using Context = std::vector<std::string>;

// valijson copies constraints into its own memory by placement.
template<typename Derived> class OwnConstraint : public valijson::constraints::PolyConstraint {
    valijson::constraints::Constraint *cloneInto(void *where) const override
    {
        return new (where) Derived(static_cast<const Derived &>(*this));
    }
    size_t sizeOf() const override { return sizeof(Derived); }
};

std::shared_ptr<const EcmaRegex> compiled(const QString &pattern)
{
    QString why;
    auto re = EcmaRegex::compile(pattern, &why);
    if (!re)
        throw std::runtime_error(QStringLiteral("'%1' is not a regular expression this validator supports: %2")
                                     .arg(pattern, why)
                                     .toStdString());
    return re;
}

void report(ValidationResults *results, const Context &context, const std::string &what)
{
    if (results)
        results->pushError(context, what);
}

const std::string kTooComplex = "The regular expression could not be evaluated within its limits on this value: ";

class PatternConstraint : public OwnConstraint<PatternConstraint> {
public:
    explicit PatternConstraint(std::shared_ptr<const EcmaRegex> re) : m_re(std::move(re)) { }
    bool validate(const Adapter &target, const Context &context, ValidationResults *results) const override
    {
        if (!target.isString())
            return true;
        switch (m_re->search(target.asString())) {
        case EcmaRegex::Result::Match:
            return true;
        case EcmaRegex::Result::NoMatch:
            report(results, context, "Failed to match regex specified by 'pattern' constraint.");
            return false;
        case EcmaRegex::Result::TooComplex:
            report(results, context, kTooComplex + m_re->pattern().toStdString());
            return false;
        }
        return false;
    }

private:
    std::shared_ptr<const EcmaRegex> m_re;
};

// valijson's date, time and date-time checks (the only formats it knows), with the same
// messages, on strings only (formats ignore other types).
class FormatConstraint : public OwnConstraint<FormatConstraint> {
public:
    explicit FormatConstraint(std::string format) : m_format(std::move(format)) { }
    bool validate(const Adapter &target, const Context &context, ValidationResults *results) const override
    {
        if (!target.isString())
            return true;
        static const auto date = compiled(QStringLiteral("^[0-9]+-(0[1-9]|1[012])-(0[1-9]|[12][0-9]|3[01])$"));
        static const auto time = compiled(QStringLiteral("^([01][0-9]|2[0-3]):([0-5][0-9]):([0-5][0-9]|60)(\\.[0-9]+)?("
                                                         "([Zz])|([\\+|\\-]([01][0-9]|2[0-3]):[0-5][0-9]))$"));
        static const auto dateTime = compiled(
            QStringLiteral("^[0-9]+-(0[1-9]|1[012])-(0[1-9]|[12][0-9]|3[01])[Tt]([01][0-9]|2[0-3]):([0-5][0-9]):([0-5]["
                           "0-9]|60)(\\.[0-9]+)?(([Zz])|([\\+|\\-]([01][0-9]|2[0-3]):[0-5][0-9]))$"));
        const std::string s = target.asString();
        const EcmaRegex *re = m_format == "date" ? date.get()
            : m_format == "time"                 ? time.get()
            : m_format == "date-time"            ? dateTime.get()
                                                 : nullptr;
        if (!re)
            return true;
        bool ok = re->search(s) == EcmaRegex::Result::Match;
        if (ok && m_format != "time") {
            // The year is digits up to the first '-': month and day follow it.
            const size_t dash = s.find('-');
            const int month = std::stoi(s.substr(dash + 1, 2));
            const int day = std::stoi(s.substr(dash + 4, 2));
            const int limit = month == 2 ? 29 : (month <= 7 ? (month % 2 == 0 ? 30 : 31) : (month % 2 != 0 ? 30 : 31));
            ok = day <= limit;
        }
        if (!ok)
            report(results, context, "String should be a valid " + m_format);
        return ok;
    }

private:
    std::string m_format;
};

// properties + patternProperties + additionalProperties, as valijson's PropertiesConstraint
// checks them (same messages), with PCRE2 for the names; `properties` itself stays valijson's.
class PatternPropertiesConstraint : public OwnConstraint<PatternPropertiesConstraint> {
public:
    struct Spec {
        std::vector<std::pair<std::shared_ptr<const EcmaRegex>, size_t>> patterns; // regex, entry
        std::set<std::string> properties;
        bool allowAdditional = true;
        long additionalEntry = -1; // >= 0: additional properties validate against this entry
    };
    PatternPropertiesConstraint(std::shared_ptr<const Spec> spec, std::shared_ptr<const SchemaEntries> entries)
        : m_spec(std::move(spec)), m_entries(std::move(entries))
    {
    }

    bool validate(const Adapter &target, const Context &context, ValidationResults *results) const override
    {
        if (!target.isObject())
            return true;
        bool validated = true;
        bool reportedUnwanted = false;
        target.applyToObject([&](const std::string &name, const Adapter &value) {
            Context child = context;
            child.push_back("[" + name + "]");
            bool matched = m_spec->properties.count(name) > 0;
            for (const auto &[re, entry] : m_spec->patterns) {
                const EcmaRegex::Result r = re->search(name);
                if (r == EcmaRegex::Result::TooComplex) {
                    report(results, context, kTooComplex + re->pattern().toStdString());
                    validated = false;
                    continue;
                }
                if (r == EcmaRegex::Result::NoMatch)
                    continue;
                matched = true;
                if (!validateAgainst(value, entry, child, results)) {
                    report(results, context,
                        "Failed to validate against schema associated with pattern '" + re->pattern().toStdString()
                            + "'.");
                    validated = false;
                }
            }
            if (!matched && m_spec->additionalEntry >= 0) {
                if (!validateAgainst(value, size_t(m_spec->additionalEntry), child, results)) {
                    report(results, context, "Failed to validate against additional properties schema");
                    validated = false;
                }
            } else if (!matched && !m_spec->allowAdditional) {
                if (!reportedUnwanted)
                    report(results, context,
                        "Object contains a property that could not be validated using 'properties' or "
                        "'additionalProperties' constraints: '"
                            + name + "'.");
                reportedUnwanted = true;
                validated = false;
            }
            return validated || results != nullptr; // without results, the first failure decides
        });
        return validated;
    }

private:
    bool validateAgainst(const Adapter &value, size_t entry, const Context &context, ValidationResults *results) const
    {
        // The only adapter this validator is used with; valijson hands each member over as one.
        const auto &json = dynamic_cast<const valijson::adapters::QtJsonAdapter &>(value);
        thread_local std::unordered_map<std::string, std::regex> unusedRegexCache; // our patterns are not valijson's
        valijson::ValidationVisitor<valijson::adapters::QtJsonAdapter> visitor(
            json, context, true, results, unusedRegexCache);
        return visitor.validateSchema(*m_entries->subschemas.at(entry));
    }

    std::shared_ptr<const Spec> m_spec;
    std::shared_ptr<const SchemaEntries> m_entries;
};

} // namespace

valijson::constraints::Constraint *PatternBuilder::make(const Adapter &value) const
{
    if (!value.isString())
        throw std::runtime_error("'pattern' is not a string");
    return new PatternConstraint(compiled(QString::fromStdString(value.asString())));
}

valijson::constraints::Constraint *FormatBuilder::make(const Adapter &value) const
{
    if (!value.isString())
        throw std::runtime_error("'format' is not a string");
    return new FormatConstraint(value.asString());
}

valijson::constraints::Constraint *PatternPropertiesBuilder::make(const Adapter &value) const
{
    // The rewrite writes this keyword as JSON text: simpler to read back than through Adapter.
    const QJsonObject o = QJsonDocument::fromJson(QByteArray::fromStdString(value.asString())).object();
    auto spec = std::make_shared<PatternPropertiesConstraint::Spec>();
    const QJsonArray patterns = o.value(QLatin1String("patterns")).toArray();
    const QJsonArray entries = o.value(QLatin1String("schemas")).toArray();
    for (qsizetype i = 0; i < patterns.size() && i < entries.size(); ++i)
        spec->patterns.emplace_back(compiled(patterns.at(i).toString()), size_t(entries.at(i).toInteger()));
    for (const QJsonValue &p : o.value(QLatin1String("properties")).toArray())
        spec->properties.insert(p.toString().toStdString());
    const QJsonValue additional = o.value(QLatin1String("additional"));
    spec->allowAdditional = !additional.isBool() || additional.toBool();
    if (additional.isDouble())
        spec->additionalEntry = long(additional.toInteger());
    return new PatternPropertiesConstraint(spec, m_entries);
}

} // namespace gw::validate
