#include "asynclowering.h"

#include "jstokenizer.h"

namespace gw::functions {

namespace {

using Kind = JsToken::Kind;

class Emitter
{
public:
    Emitter(QStringView source, const QList<JsToken> &tokens, const QString &runner)
        : m_src(source), m_t(tokens), m_runner(runner) {}

    QString run()
    {
        emitRange(0, m_t.size(), false);
        copyTo(m_src.size());
        return m_out;
    }

private:
    bool is(qsizetype i, const char *text) const
    {
        return i >= 0 && i < m_t.size() && m_t[i].is(m_src, QLatin1String(text));
    }
    bool isKind(qsizetype i, Kind kind) const { return i >= 0 && i < m_t.size() && m_t[i].kind == kind; }
    void copyTo(qsizetype pos)
    {
        m_out += m_src.mid(m_cursor, pos - m_cursor);
        m_cursor = pos;
    }
    void dropTo(qsizetype pos) { m_cursor = pos; }

    // One past the last token of a template literal that starts at a head.
    qsizetype templateEnd(qsizetype head) const
    {
        qsizetype m = m_t[head].match;
        while (isKind(m, Kind::TemplateMiddle))
            m = m_t[m].match;
        return m + 1;
    }

    void emitRange(qsizetype i, qsizetype end, bool inAsync)
    {
        while (i < end) {
            const bool member = is(i - 1, ".") || is(i - 1, "?.");
            if (!member && is(i, "async")) {
                const qsizetype next = lowerAsync(i, end);
                if (next >= 0) {
                    i = next;
                    continue;
                }
            }
            if (inAsync && !member && is(i, "await") && i + 1 < end) {
                copyTo(m_t[i].begin);
                m_out += QLatin1String("(yield");
                dropTo(m_t[i].end);
                const qsizetype e = unaryEnd(i + 1, end);
                emitRange(i + 1, e, true);
                copyTo(m_t[e - 1].end);
                m_out += QLatin1Char(')');
                i = e;
                continue;
            }
            ++i;
        }
    }

    // Rewrites a block body {…} as the generator's body; returns the closing brace's index.
    qsizetype lowerBlockBody(qsizetype open)
    {
        const qsizetype close = m_t[open].match;
        copyTo(m_t[open].end);
        m_out += QLatin1String(" return ") + m_runner + QLatin1String("(function* () {");
        emitRange(open + 1, close, true);
        copyTo(m_t[close].begin);
        m_out += QLatin1String("}, this, arguments); ");
        return close;
    }

    // `async` at i starts an async function, arrow or method: lower it and return the index to
    // go on from, or -1 when it is something else (a variable or function called async).
    qsizetype lowerAsync(qsizetype i, qsizetype end)
    {
        if (i + 1 >= m_t.size() || m_t[i + 1].newlineBefore)
            return -1;
        auto dropAsync = [&]() {
            copyTo(m_t[i].begin);
            dropTo(m_t[i + 1].begin);
        };
        if (is(i + 1, "function")) {
            if (is(i + 2, "*"))
                return -1;
            qsizetype p = i + 2;
            if (isKind(p, Kind::Identifier))
                ++p;
            if (!is(p, "(") || !is(m_t[p].match + 1, "{"))
                return -1;
            dropAsync();
            emitRange(p, m_t[p].match + 1, false);
            return lowerBlockBody(m_t[p].match + 1);
        }
        qsizetype arrowBody = -1;
        if (is(i + 1, "(") && is(m_t[i + 1].match + 1, "=>"))
            arrowBody = m_t[i + 1].match + 2;
        else if (isKind(i + 1, Kind::Identifier) && is(i + 2, "=>"))
            arrowBody = i + 3;
        if (arrowBody >= 0 && arrowBody < end) {
            dropAsync();
            emitRange(i + 1, arrowBody, false);
            if (is(arrowBody, "{"))
                return lowerBlockBody(arrowBody);
            const qsizetype e = expressionEnd(arrowBody, end);
            copyTo(m_t[arrowBody].begin);
            m_out += m_runner + QLatin1String("(function* () { return (");
            emitRange(arrowBody, e, true);
            copyTo(m_t[e - 1].end);
            m_out += QLatin1String("); }, this, arguments)");
            return e;
        }
        // Method: async name(…) {…}, async [expr](…) {…}, async 'name'(…) {…}
        qsizetype p = -1;
        if (is(i + 1, "["))
            p = m_t[i + 1].match + 1;
        else if (isKind(i + 1, Kind::Identifier) || isKind(i + 1, Kind::String) || isKind(i + 1, Kind::Number))
            p = i + 2;
        if (p < 0 || !is(p, "(") || !is(m_t[p].match + 1, "{"))
            return -1;
        dropAsync();
        emitRange(i + 1, m_t[p].match + 1, false);
        return lowerBlockBody(m_t[p].match + 1);
    }

    // One past the operand of `await` (a unary expression) starting at i.
    qsizetype unaryEnd(qsizetype i, qsizetype end) const
    {
        static const char *const prefixes[] = {"!", "~", "+", "-", "typeof", "void", "delete", "await", "new", "++", "--"};
        qsizetype j = i;
        for (bool more = true; more && j < end;) {
            more = false;
            for (const char *p : prefixes)
                if (is(j, p)) {
                    ++j;
                    more = true;
                    break;
                }
        }
        if (j >= end)
            return end;
        if (is(j, "(") || is(j, "[") || is(j, "{")) {
            j = m_t[j].match + 1;
        } else if (isKind(j, Kind::TemplateHead)) {
            j = templateEnd(j);
        } else if (is(j, "function") || is(j, "class")) {
            while (j < end && !is(j, "{"))
                j = (is(j, "(") ? m_t[j].match : j) + 1;
            j = j < end ? m_t[j].match + 1 : end;
        } else {
            ++j;
        }
        while (j < end) {
            if (is(j, ".") || is(j, "?.")) {
                ++j;
                if (isKind(j, Kind::Identifier))
                    ++j;
            } else if (is(j, "(") || is(j, "[")) {
                j = m_t[j].match + 1;
            } else if (isKind(j, Kind::Template)) {
                ++j;
            } else if (isKind(j, Kind::TemplateHead)) {
                j = templateEnd(j);
            } else {
                break;
            }
        }
        return qMin(j, end);
    }

    bool endsExpression(qsizetype i) const
    {
        switch (m_t[i].kind) {
        case Kind::Punct:
            return is(i, ")") || is(i, "]") || is(i, "}") || is(i, "++") || is(i, "--");
        case Kind::TemplateHead:
        case Kind::TemplateMiddle:
            return false;
        default:
            return true;
        }
    }
    bool continuesExpression(qsizetype i) const
    {
        if (m_t[i].kind == Kind::Punct)
            return !(is(i, "{") || is(i, "!") || is(i, "~") || is(i, "++") || is(i, "--"));
        return is(i, "in") || is(i, "instanceof");
    }

    // One past an arrow's expression body starting at i: up to a comma, semicolon or closing
    // bracket of the enclosing code, or a line break where JavaScript would insert a semicolon.
    qsizetype expressionEnd(qsizetype i, qsizetype end) const
    {
        qsizetype j = i;
        while (j < end) {
            if (is(j, ",") || is(j, ";") || is(j, ")") || is(j, "]") || is(j, "}")
                || isKind(j, Kind::TemplateMiddle) || isKind(j, Kind::TemplateTail))
                break;
            if (j > i && m_t[j].newlineBefore && endsExpression(j - 1) && !continuesExpression(j))
                break;
            if (is(j, "(") || is(j, "[") || is(j, "{"))
                j = m_t[j].match + 1;
            else if (isKind(j, Kind::TemplateHead))
                j = templateEnd(j);
            else
                ++j;
        }
        return qMax(j, i + 1);
    }

    QStringView m_src;
    const QList<JsToken> &m_t;
    QString m_runner;
    QString m_out;
    qsizetype m_cursor = 0;
};

} // namespace

AsyncLowering::Result AsyncLowering::lower(const QString &source, const QString &runner)
{
    Result result;
    result.source = source;
    if (!source.contains(QLatin1String("async")))
        return result;
    QString error;
    const QList<JsToken> tokens = JsTokenizer::tokenize(source, &error);
    if (!error.isEmpty()) {
        result.error = error;
        return result;
    }
    result.source = Emitter(source, tokens, runner).run();
    return result;
}

} // namespace gw::functions
