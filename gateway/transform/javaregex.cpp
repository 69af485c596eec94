#include "javaregex.h"

#include <QHash>

namespace gw::transform {

const QRegularExpression &javaRegex(const QString &pattern, bool anchored)
{
    // Bounded: a template that builds patterns from data cannot grow it without limit.
    thread_local QHash<QString, QRegularExpression> cache;
    const QString key = anchored ? QStringLiteral("A:") + pattern : QStringLiteral("U:") + pattern;
    auto it = cache.constFind(key);
    if (it != cache.cend())
        return *it;
    if (cache.size() > 256)
        cache.clear();
    QRegularExpression re(anchored ? QRegularExpression::anchoredPattern(pattern) : pattern);
    re.optimize();
    return *cache.insert(key, re);
}

QString javaReplace(const QString &input, const QString &pattern, const QString &replacement, bool all)
{
    const QRegularExpression &re = javaRegex(pattern);
    if (!re.isValid())
        return input;
    QString out;
    qsizetype last = 0;
    auto it = re.globalMatch(input);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        out += QStringView(input).mid(last, m.capturedStart() - last);
        for (qsizetype i = 0; i < replacement.size(); ++i) {
            const QChar c = replacement.at(i);
            if (c == QLatin1Char('\\') && i + 1 < replacement.size()) {
                out += replacement.at(++i);
            } else if (c == QLatin1Char('$') && i + 1 < replacement.size() && replacement.at(i + 1).isDigit()) {
                int group = replacement.at(++i).digitValue();
                // Java takes more digits while they still name an existing group.
                while (i + 1 < replacement.size() && replacement.at(i + 1).isDigit()
                       && group * 10 + replacement.at(i + 1).digitValue() <= re.captureCount())
                    group = group * 10 + replacement.at(++i).digitValue();
                out += m.captured(group);
            } else {
                out += c;
            }
        }
        last = m.capturedEnd();
        if (!all)
            break;
    }
    out += QStringView(input).mid(last);
    return out;
}

QStringList javaSplit(const QString &input, const QString &pattern)
{
    const QRegularExpression &re = javaRegex(pattern);
    QStringList parts;
    if (!re.isValid())
        return {input};
    qsizetype last = 0;
    auto it = re.globalMatch(input);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        // A zero-width match at the very start yields no leading empty string (Java 8+).
        if (m.capturedEnd() == 0)
            continue;
        if (m.capturedLength() == 0 && m.capturedStart() >= input.size())
            break;
        parts.append(input.mid(last, m.capturedStart() - last));
        last = m.capturedEnd();
    }
    parts.append(input.mid(last));
    while (parts.size() > 1 && parts.last().isEmpty())
        parts.removeLast();
    if (parts.size() == 1 && parts.first().isEmpty() && !input.isEmpty())
        parts.clear();
    return parts;
}

} // namespace gw::transform
