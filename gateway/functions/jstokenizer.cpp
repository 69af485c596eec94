#include "jstokenizer.h"

namespace gw::functions {

namespace {

bool isIdentStart(QChar c)
{
    return c.isLetter() || c == QLatin1Char('_') || c == QLatin1Char('$') || c.unicode() > 0x7f;
}

bool isIdentPart(QChar c)
{
    return isIdentStart(c) || c.isDigit();
}

// Punctuators longest first, so the scanner takes the longest match.
const char *const kPunctuators[] = {
    ">>>=", "...", "===", "!==", "**=", "<<=", ">>=", ">>>", "&&=", "||=", "?\?=",
    "=>", "==", "!=", "<=", ">=", "&&", "||", "??", "?.", "++", "--", "+=", "-=", "*=", "/=", "%=",
    "&=", "|=", "^=", "<<", ">>", "**",
};

bool regexAllowedAfter(QStringView source, const QList<JsToken> &tokens)
{
    if (tokens.isEmpty())
        return true;
    const JsToken &t = tokens.last();
    switch (t.kind) {
    case JsToken::Kind::Number:
    case JsToken::Kind::String:
    case JsToken::Kind::Regex:
    case JsToken::Kind::Template:
    case JsToken::Kind::TemplateTail:
        return false;
    case JsToken::Kind::Identifier: {
        static const char *const keywords[] = {"return", "typeof", "case", "do", "else", "in", "instanceof",
                                               "new", "delete", "void", "throw", "yield", "await", "of"};
        for (const char *k : keywords)
            if (t.is(source, QLatin1String(k)))
                return true;
        return false;
    }
    default:
        return !(t.is(source, QLatin1String(")")) || t.is(source, QLatin1String("]")));
    }
}

} // namespace

QList<JsToken> JsTokenizer::tokenize(QStringView s, QString *error)
{
    QList<JsToken> tokens;
    QList<qsizetype> open;       // indices of unclosed ( [ { and template heads/middles
    const qsizetype n = s.size();
    qsizetype i = 0;
    bool newline = false;
    auto fail = [&](const QString &message) {
        if (error)
            *error = message;
        return QList<JsToken>();
    };
    auto push = [&](JsToken::Kind kind, qsizetype begin, qsizetype end) {
        JsToken t;
        t.kind = kind;
        t.begin = begin;
        t.end = end;
        t.newlineBefore = newline;
        newline = false;
        tokens.append(t);
    };
    // Scans template text from i (just after ` or }) to the closing ` or the next ${.
    auto scanTemplate = [&](qsizetype begin, bool head) -> bool {
        while (i < n) {
            const QChar c = s[i];
            if (c == QLatin1Char('\\')) {
                i += 2;
            } else if (c == QLatin1Char('`')) {
                ++i;
                push(head ? JsToken::Kind::Template : JsToken::Kind::TemplateTail, begin, i);
                return true;
            } else if (c == QLatin1Char('$') && i + 1 < n && s[i + 1] == QLatin1Char('{')) {
                i += 2;
                push(head ? JsToken::Kind::TemplateHead : JsToken::Kind::TemplateMiddle, begin, i);
                return true;
            } else {
                ++i;
            }
        }
        return false;
    };
    auto close = [&](qsizetype closer) {
        const qsizetype opener = open.takeLast();
        tokens[opener].match = closer;
        tokens[closer].match = opener;
    };

    while (i < n) {
        const QChar c = s[i];
        if (c == QLatin1Char('\n') || c == QChar(0x2028) || c == QChar(0x2029)) {
            newline = true;
            ++i;
        } else if (c.isSpace()) {
            ++i;
        } else if (c == QLatin1Char('/') && i + 1 < n && s[i + 1] == QLatin1Char('/')) {
            while (i < n && s[i] != QLatin1Char('\n'))
                ++i;
        } else if (c == QLatin1Char('/') && i + 1 < n && s[i + 1] == QLatin1Char('*')) {
            const qsizetype endComment = s.indexOf(QLatin1String("*/"), i + 2);
            if (endComment < 0)
                return fail(QStringLiteral("unterminated comment"));
            if (s.mid(i, endComment - i).contains(QLatin1Char('\n')))
                newline = true;
            i = endComment + 2;
        } else if (isIdentStart(c) || c == QLatin1Char('#')) {
            const qsizetype b = i++;
            while (i < n && isIdentPart(s[i]))
                ++i;
            push(JsToken::Kind::Identifier, b, i);
        } else if (c.isDigit() || (c == QLatin1Char('.') && i + 1 < n && s[i + 1].isDigit())) {
            const qsizetype b = i++;
            while (i < n && (isIdentPart(s[i]) || s[i] == QLatin1Char('.')
                             || ((s[i] == QLatin1Char('+') || s[i] == QLatin1Char('-'))
                                 && (s[i - 1] == QLatin1Char('e') || s[i - 1] == QLatin1Char('E')))))
                ++i;
            push(JsToken::Kind::Number, b, i);
        } else if (c == QLatin1Char('"') || c == QLatin1Char('\'')) {
            const qsizetype b = i++;
            while (i < n && s[i] != c && s[i] != QLatin1Char('\n'))
                i += s[i] == QLatin1Char('\\') ? 2 : 1;
            if (i >= n || s[i] != c)
                return fail(QStringLiteral("unterminated string"));
            ++i;
            push(JsToken::Kind::String, b, i);
        } else if (c == QLatin1Char('`')) {
            const qsizetype b = i++;
            if (!scanTemplate(b, true))
                return fail(QStringLiteral("unterminated template literal"));
            if (tokens.last().kind == JsToken::Kind::TemplateHead)
                open.append(tokens.size() - 1);
        } else if (c == QLatin1Char('/') && regexAllowedAfter(s, tokens)) {
            const qsizetype b = i++;
            bool inClass = false;
            while (i < n && s[i] != QLatin1Char('\n') && (inClass || s[i] != QLatin1Char('/'))) {
                if (s[i] == QLatin1Char('\\'))
                    ++i;
                else if (s[i] == QLatin1Char('['))
                    inClass = true;
                else if (s[i] == QLatin1Char(']'))
                    inClass = false;
                ++i;
            }
            if (i >= n || s[i] != QLatin1Char('/'))
                return fail(QStringLiteral("unterminated regular expression"));
            ++i;
            while (i < n && isIdentPart(s[i]))
                ++i;
            push(JsToken::Kind::Regex, b, i);
        } else if (c == QLatin1Char('}') && !open.isEmpty() && tokens[open.last()].kind != JsToken::Kind::Punct) {
            // The end of a template substitution: the template text goes on.
            const qsizetype b = i++;
            if (!scanTemplate(b, false))
                return fail(QStringLiteral("unterminated template literal"));
            close(tokens.size() - 1);
            if (tokens.last().kind == JsToken::Kind::TemplateMiddle)
                open.append(tokens.size() - 1);
        } else {
            qsizetype len = 1;
            for (const char *p : kPunctuators) {
                const QLatin1String punct(p);
                if (s.mid(i, punct.size()) == punct) {
                    len = punct.size();
                    break;
                }
            }
            // "?." followed by a digit is the conditional operator and a number.
            if (len == 2 && c == QLatin1Char('?') && s[i + 1] == QLatin1Char('.') && i + 2 < n && s[i + 2].isDigit())
                len = 1;
            push(JsToken::Kind::Punct, i, i + len);
            i += len;
            if (len == 1 && (c == QLatin1Char('(') || c == QLatin1Char('[') || c == QLatin1Char('{'))) {
                open.append(tokens.size() - 1);
            } else if (len == 1 && (c == QLatin1Char(')') || c == QLatin1Char(']') || c == QLatin1Char('}'))) {
                if (open.isEmpty())
                    return fail(QStringLiteral("unbalanced '%1'").arg(c));
                close(tokens.size() - 1);
            }
        }
    }
    if (!open.isEmpty())
        return fail(QStringLiteral("unclosed bracket"));
    return tokens;
}

} // namespace gw::functions
