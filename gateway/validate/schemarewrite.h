#pragma once

#include "jsonschema.h"

#include <QHash>
#include <QJsonValue>
#include <QStringList>

#include <optional>

namespace gw::validate {

// Keywords the rewrite hands to our own valijson constraints (schemakeywords.h). Keys with this
// prefix in a user's schema are dropped: only the rewrite writes them.
inline constexpr char kOwnKeywordPrefix[] = "__gatewright_";
inline constexpr char kPatternKeyword[] = "__gatewright_pattern";
inline constexpr char kFormatKeyword[] = "__gatewright_format";
inline constexpr char kPatternPropertiesKeyword[] = "__gatewright_patternProperties";

// Limits on a schema, checked before valijson sees it (valijson recurses along the schema and
// never stops on its own; see docs/DECISIONS.md, "schema").
inline constexpr int kMaxSchemaNesting = 100; // sub-schemas inside sub-schemas
inline constexpr int kMaxSameValueChain = 64; // allOf/anyOf/oneOf/not/dependencies/$ref hops
inline constexpr qsizetype kMaxSchemaNodes = 100000;

// A schema and every document its `$ref`s reach, rewritten so that valijson cannot go wrong
// on them: each document is "gw://doc/N"; every `$ref` is an absolute "gw://doc/N#/pointer" to
// a location that exists (valijson's own resolution shares cache keys between documents and
// follows `id`s by string concatenation); `id`s are resolved here (draft 4 scoping) and dropped;
// `pattern` and `format` are renamed to our keywords (PCRE2 with limits instead of std::regex);
// a schema with `patternProperties` gets kPatternPropertiesKeyword, which names the entries of
// its pattern and additional sub-schemas. Refused, with the JSON pointer of the culprit: `$ref`s
// that lead nowhere, chains of schemas that apply to the same value and come back to where they
// started (`{"$ref": "#"}`, A = {$ref: B} and B = {$ref: A}, allOf: [{$ref: "#"}]: validating
// them would never end), nesting beyond kMaxSchemaNesting, a same-value chain beyond
// kMaxSameValueChain, patterns PCRE2 cannot compile.
struct RewrittenSchema {
    QHash<QString, QJsonValue> documents; // "gw://doc/N" → rewritten document
    // "$ref"s to compile as the entries of one valijson schema: [0] is the schema itself, the
    // rest the sub-schemas kPatternPropertiesKeyword refers to by index.
    QStringList entries;
    qsizetype nodes = 0; // schema objects across all documents (bounds valijson's recursion)
    int sameValueChain = 1; // longest chain of schemas applied to one value, >= 1

    // Null with `error` set ("at #/pointer: what" or "cannot resolve $ref X").
    static std::optional<RewrittenSchema> rewrite(
        const QJsonValue &schema, const JsonSchema::DocumentResolver &resolve, QString *error);
};

} // namespace gw::validate
