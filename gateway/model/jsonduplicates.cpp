#include "jsonduplicates.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

namespace gw::model {

namespace {

// One open object or array: where it is, and the member names or element count seen so far.
struct Frame {
    QString path;
    bool object = false;
    QSet<QString> names;
    qsizetype index = -1;
    QString pendingName; // object: the member whose value comes next
};

class Scanner {
public:
    explicit Scanner(const QByteArray &text) : m_text(text) { }

    QStringList run()
    {
        while (m_pos < m_text.size() && step()) { }
        return m_found;
    }

private:
    // The raw string starting at m_pos (a '"'), unescaped when `decode` (member names: values are
    // only skipped); advances past it.
    std::optional<QString> readString(bool decode)
    {
        const qsizetype start = m_pos++;
        while (m_pos < m_text.size() && m_text[m_pos] != '"')
            m_pos += m_text[m_pos] == '\\' ? 2 : 1;
        if (m_pos >= m_text.size())
            return std::nullopt;
        ++m_pos;
        if (!decode)
            return QString();
        const QByteArray inner = m_text.mid(start + 1, m_pos - start - 2);
        if (!inner.contains('\\'))
            return QString::fromUtf8(inner);
        const QByteArray raw = '[' + m_text.mid(start, m_pos - start) + ']';
        const QJsonDocument doc = QJsonDocument::fromJson(raw);
        if (!doc.isArray())
            return std::nullopt;
        return doc.array().at(0).toString();
    }

    QString childPath(const Frame &f) const
    {
        if (f.object)
            return f.path.isEmpty() ? f.pendingName : f.path + QLatin1Char('.') + f.pendingName;
        return f.path + QStringLiteral("[%1]").arg(f.index);
    }

    // A value begins at m_pos inside the innermost frame (or at the top).
    void beginValue()
    {
        if (m_stack.isEmpty())
            return;
        Frame &f = m_stack.last();
        if (!f.object)
            ++f.index;
    }

    static bool isStop(char c)
    {
        return c == ',' || c == ']' || c == '}' || c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    bool step()
    {
        const char c = m_text[m_pos];
        switch (c) {
        case '{':
        case '[': {
            beginValue();
            Frame child;
            child.object = c == '{';
            child.path = m_stack.isEmpty() ? QString() : childPath(m_stack.last());
            m_stack.append(child);
            m_expectName = child.object;
            ++m_pos;
            return true;
        }
        case '}':
        case ']':
            if (m_stack.isEmpty())
                return false;
            m_stack.removeLast();
            m_expectName = false;
            ++m_pos;
            return true;
        case ',':
            m_expectName = !m_stack.isEmpty() && m_stack.last().object;
            ++m_pos;
            return true;
        case ':':
            m_expectName = false;
            ++m_pos;
            return true;
        case '"': {
            const bool isName = m_expectName;
            if (!isName)
                beginValue();
            const auto s = readString(isName);
            if (!s)
                return false;
            if (isName) {
                Frame &f = m_stack.last();
                f.pendingName = *s;
                if (f.names.contains(*s))
                    m_found.append(childPath(f));
                f.names.insert(*s);
                m_expectName = false;
            }
            return true;
        }
        default:
            // Whitespace, or a number / true / false / null: only the first character of a
            // scalar counts as the start of a value.
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                beginValue();
                while (m_pos < m_text.size() && !isStop(m_text[m_pos]))
                    ++m_pos;
                return true;
            }
            ++m_pos;
            return true;
        }
    }

    const QByteArray &m_text;
    qsizetype m_pos = 0;
    bool m_expectName = false;
    QList<Frame> m_stack;
    QStringList m_found;
};

} // namespace

QStringList duplicateMembers(const QByteArray &json)
{
    return Scanner(json).run();
}

} // namespace gw::model
