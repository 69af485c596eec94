#include "ecmaregex.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

namespace gw::validate {

namespace {

// Work bounds for one match: PCRE2's default match limit, enough for a pattern that backtracks
// once per character over a few megabytes (a 1 MB string that fails ^[a-z]+$ at its end takes
// 1,000,000); a catastrophic pattern such as ^(a+)+$ reaches it within a fraction of a second.
constexpr uint32_t kMatchLimit = 10'000'000;
constexpr uint32_t kDepthLimit = 10'000;
constexpr size_t kJitStackMax = 1 << 20; // heap-allocated, per thread

// One match context and one match block per thread: neither is shared across threads.
struct ThreadMatchState {
    pcre2_match_context *context = pcre2_match_context_create(nullptr);
    pcre2_jit_stack *jitStack = pcre2_jit_stack_create(32 * 1024, kJitStackMax, nullptr);
    pcre2_match_data *data = pcre2_match_data_create(1, nullptr);
    ThreadMatchState()
    {
        pcre2_set_match_limit(context, kMatchLimit);
        pcre2_set_depth_limit(context, kDepthLimit);
        if (jitStack)
            pcre2_jit_stack_assign(context, nullptr, jitStack);
    }
    ~ThreadMatchState()
    {
        pcre2_match_data_free(data);
        pcre2_jit_stack_free(jitStack);
        pcre2_match_context_free(context);
    }
    ThreadMatchState(const ThreadMatchState &) = delete;
    ThreadMatchState &operator=(const ThreadMatchState &) = delete;
};

} // namespace

struct EcmaRegex::Code {
    pcre2_code *code = nullptr;
    ~Code() { pcre2_code_free(code); }
};

EcmaRegex::~EcmaRegex() = default;

std::shared_ptr<const EcmaRegex> EcmaRegex::compile(const QString &pattern, QString *error)
{
    // PCRE2's JavaScript compatibility: \u.... escapes, [] matches nothing and [^] anything, a
    // backreference to an unset group matches empty, $ only at the very end; UTF so that `.` is
    // one code point (ECMA-262 counts UTF-16 units: only astral characters differ).
    const uint32_t options = PCRE2_UTF | PCRE2_ALT_BSUX | PCRE2_ALLOW_EMPTY_CLASS | PCRE2_MATCH_UNSET_BACKREF
        | PCRE2_DOLLAR_ENDONLY | PCRE2_NEVER_BACKSLASH_C;
    pcre2_compile_context *context = pcre2_compile_context_create(nullptr);
    pcre2_set_compile_extra_options(context, PCRE2_EXTRA_ALT_BSUX);
    // Bounds compiling too: a pattern nested thousands of groups deep is refused, not recursed into.
    pcre2_set_parens_nest_limit(context, 250);
    const QByteArray utf8 = pattern.toUtf8();
    int code = 0;
    PCRE2_SIZE offset = 0;
    pcre2_code *compiled = pcre2_compile(
        reinterpret_cast<PCRE2_SPTR>(utf8.constData()), size_t(utf8.size()), options, &code, &offset, context);
    pcre2_compile_context_free(context);
    if (!compiled) {
        if (error) {
            PCRE2_UCHAR message[256];
            pcre2_get_error_message(code, message, sizeof message);
            *error = QStringLiteral("%1 at offset %2")
                         .arg(QString::fromUtf8(reinterpret_cast<const char *>(message)))
                         .arg(QString::fromUtf8(utf8.left(qsizetype(offset))).size());
        }
        return nullptr;
    }
    // JIT when PCRE2 was built with it (Debian's is): faster, and still bound by the match limit.
    pcre2_jit_compile(compiled, PCRE2_JIT_COMPLETE);
    std::shared_ptr<EcmaRegex> out(new EcmaRegex);
    out->m_pattern = pattern;
    out->m_code = std::make_unique<Code>();
    out->m_code->code = compiled;
    return out;
}

EcmaRegex::Result EcmaRegex::search(std::string_view utf8) const
{
    thread_local ThreadMatchState state;
    // PCRE2 checks the UTF-8 itself (linear): what a body's strings become is not ours to trust.
    const int rc = pcre2_match(
        m_code->code, reinterpret_cast<PCRE2_SPTR>(utf8.data()), utf8.size(), 0, 0, state.data, state.context);
    if (rc >= 0) // 0: matched, with more groups than the one-pair match block holds
        return Result::Match;
    if (rc == PCRE2_ERROR_NOMATCH)
        return Result::NoMatch;
    // PCRE2_ERROR_MATCHLIMIT, _DEPTHLIMIT, _HEAPLIMIT, _JIT_STACKLIMIT, _NOMEMORY, a UTF-8 error.
    return Result::TooComplex;
}

} // namespace gw::validate
