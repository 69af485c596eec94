#pragma once

#include <QString>

#include <memory>
#include <string_view>

namespace gw::validate {

// A JSON Schema `pattern` (ECMA-262 syntax) compiled once with PCRE2 in its JavaScript-compatible
// mode (see docs/DECISIONS.md, "schema"), matched with bounded work: a match limit, a depth limit
// and a heap-allocated JIT stack, so that no pattern and no input can hold a worker for long or
// overflow its stack (std::regex recursed once per character). Immutable; any thread may match.
class EcmaRegex {
public:
    enum class Result { Match, NoMatch, TooComplex };

    ~EcmaRegex();
    // Null with `error` set (PCRE2's message and offset) when the pattern does not compile.
    static std::shared_ptr<const EcmaRegex> compile(const QString &pattern, QString *error);
    // Unanchored search, as `pattern` is defined; TooComplex also when `utf8` is not UTF-8.
    Result search(std::string_view utf8) const;
    const QString &pattern() const { return m_pattern; }

private:
    EcmaRegex() = default;
    QString m_pattern;
    struct Code;
    std::unique_ptr<Code> m_code;
};

} // namespace gw::validate
