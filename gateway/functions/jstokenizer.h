#pragma once

#include <QList>
#include <QString>

namespace gw::functions {

// A token of JavaScript source, as much as AsyncLowering needs: where it is, what kind, and the
// index of its matching bracket. Comments and white space are not tokens (the text between
// tokens is copied verbatim, so line numbers survive any rewrite).
struct JsToken
{
    enum class Kind { Identifier, Number, String, Regex, Punct, Template, TemplateHead, TemplateMiddle, TemplateTail };
    Kind kind = Kind::Punct;
    qsizetype begin = 0;
    qsizetype end = 0;        // one past the last character
    qsizetype match = -1;     // for ( [ { and template heads/middles: the closing token; and back
    bool newlineBefore = false;

    bool is(QStringView source, QLatin1String text) const { return source.mid(begin, end - begin) == text; }
};

// Splits source into tokens. Regular expressions are told from division by the previous token,
// template literals are split at ${ and }. Unterminated strings, comments or brackets give an
// error (the engine will report the real syntax error when it compiles the original).
class JsTokenizer
{
public:
    static QList<JsToken> tokenize(QStringView source, QString *error);
};

} // namespace gw::functions
