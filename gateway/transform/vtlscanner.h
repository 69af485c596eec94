#pragma once

#include "vtlast.h"

#include <QString>

#include <vector>

namespace gw::transform::vtl {

// The character-level half of the template lexer: a cursor over the source that knows line and
// column of every offset, and reads the tokens expressions are made of (identifiers, numbers,
// quoted strings, operators). Velocity's lexical structure depends on where the parser is (text
// or expression), so the parser drives the scanner rather than reading a token stream.
class VtlScanner
{
public:
    explicit VtlScanner(const QString &source, Position origin = {});

    const QString &source() const { return m_src; }
    qsizetype offset() const { return m_pos; }
    void seek(qsizetype offset) { m_pos = offset; }
    bool atEnd() const { return m_pos >= m_src.size(); }
    QChar peek(qsizetype ahead = 0) const
    {
        const qsizetype i = m_pos + ahead;
        return i < m_src.size() ? m_src.at(i) : QChar();
    }
    QChar next() { return m_pos < m_src.size() ? m_src.at(m_pos++) : QChar(); }
    bool lookingAt(QLatin1String s) const { return QStringView(m_src).mid(m_pos).startsWith(s); }
    bool consume(QLatin1String s);
    bool consume(QChar c);
    // Spaces, tabs and newlines (expressions may span lines).
    void skipSpace();

    static bool isIdentStart(QChar c) { return (c >= QLatin1Char('a') && c <= QLatin1Char('z')) || (c >= QLatin1Char('A') && c <= QLatin1Char('Z')) || c == QLatin1Char('_'); }
    static bool isIdentPart(QChar c) { return isIdentStart(c) || (c >= QLatin1Char('0') && c <= QLatin1Char('9')); }
    static bool isDigit(QChar c) { return c >= QLatin1Char('0') && c <= QLatin1Char('9'); }

    QString readIdentifier(); // empty when no identifier starts here
    // A property name: Velocity 1.7 also allows '-' inside (header.X-Api-Key).
    QString readPropertyName();
    // A word operator (and, or, not, eq, ne, lt, le, gt, ge) standing alone at the cursor.
    bool consumeWord(QLatin1String word);

    Position position(qsizetype offset) const;
    Position position() const { return position(m_pos); }

private:
    QString m_src;
    qsizetype m_pos = 0;
    Position m_origin;
    std::vector<qsizetype> m_lineStarts;
};

} // namespace gw::transform::vtl
