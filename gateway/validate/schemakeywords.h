#pragma once

// Our own valijson keywords (the rewrite in schemarewrite.h writes them): `pattern` and
// `patternProperties` matched with PCRE2 under limits, `format` checked without std::regex.
// Included only by jsonschema.cpp: valijson's headers stay out of the rest of the engine.

#include <valijson/constraint_builder.hpp>
#include <valijson/subschema.hpp>

#include <memory>
#include <vector>

namespace gw::validate {

// The sub-schemas our patternProperties keyword validates against, by entry index: filled once
// the schema is compiled, read-only afterwards (any thread).
struct SchemaEntries {
    std::vector<const valijson::Subschema *> subschemas;
};

class PatternBuilder : public valijson::ConstraintBuilder {
public:
    valijson::constraints::Constraint *make(const valijson::adapters::Adapter &value) const override;
};

class FormatBuilder : public valijson::ConstraintBuilder {
public:
    valijson::constraints::Constraint *make(const valijson::adapters::Adapter &value) const override;
};

class PatternPropertiesBuilder : public valijson::ConstraintBuilder {
public:
    explicit PatternPropertiesBuilder(std::shared_ptr<const SchemaEntries> entries) : m_entries(std::move(entries)) { }
    valijson::constraints::Constraint *make(const valijson::adapters::Adapter &value) const override;

private:
    std::shared_ptr<const SchemaEntries> m_entries;
};

} // namespace gw::validate
