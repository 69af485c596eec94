#include "vtlscanner.h"

#include <algorithm>

namespace gw::transform::vtl {

VtlScanner::VtlScanner(const QString &source, Position origin) : m_src(source), m_origin(origin)
{
    m_lineStarts.push_back(0);
    for (qsizetype i = 0; i < m_src.size(); ++i)
        if (m_src.at(i) == QLatin1Char('\n'))
            m_lineStarts.push_back(i + 1);
}

bool VtlScanner::consume(QLatin1String s)
{
    if (!lookingAt(s))
        return false;
    m_pos += s.size();
    return true;
}

bool VtlScanner::consume(QChar c)
{
    if (peek() != c)
        return false;
    ++m_pos;
    return true;
}

void VtlScanner::skipSpace()
{
    while (!atEnd()) {
        const QChar c = peek();
        if (c == QLatin1Char(' ') || c == QLatin1Char('\t') || c == QLatin1Char('\n') || c == QLatin1Char('\r'))
            ++m_pos;
        else
            break;
    }
}

QString VtlScanner::readIdentifier()
{
    if (!isIdentStart(peek()))
        return {};
    const qsizetype start = m_pos;
    while (isIdentPart(peek()))
        ++m_pos;
    return m_src.mid(start, m_pos - start);
}

QString VtlScanner::readPropertyName()
{
    if (!isIdentStart(peek()))
        return {};
    const qsizetype start = m_pos;
    while (isIdentPart(peek()) || (peek() == QLatin1Char('-') && isIdentPart(peek(1))))
        ++m_pos;
    return m_src.mid(start, m_pos - start);
}

bool VtlScanner::consumeWord(QLatin1String word)
{
    if (!lookingAt(word) || isIdentPart(peek(word.size())))
        return false;
    m_pos += word.size();
    return true;
}

Position VtlScanner::position(qsizetype offset) const
{
    const auto it = std::upper_bound(m_lineStarts.begin(), m_lineStarts.end(), offset);
    const qsizetype line = it - m_lineStarts.begin(); // 1-based
    const qsizetype column = offset - m_lineStarts[line - 1] + 1;
    if (line == 1)
        return {m_origin.line, int(m_origin.column + column - 1)};
    return {int(m_origin.line + line - 1), int(column)};
}

} // namespace gw::transform::vtl
