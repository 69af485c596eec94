#include "vtljson.h"

#include "vtlrenderscope.h"

#include <QJsonArray>
#include <QJsonObject>

#include <cmath>

namespace gw::transform {

namespace {

// Reads UTF-8 directly: the text of a 10 MB body as UTF-16 would be 20 MB more, alive for the
// whole parse.
class JsonReader
{
public:
    explicit JsonReader(QByteArrayView text) : m_s(text) {}

    static constexpr int kMaxDepth = 512;

    bool tooDeep() const { return m_tooDeep; }

    bool document(VtlValue *out)
    {
        skip();
        if (!value(out, 0))
            return false;
        skip();
        return m_i == m_s.size();
    }

private:
    char at(qsizetype i) const { return i < m_s.size() ? m_s[i] : '\0'; }
    void skip()
    {
        while (m_i < m_s.size() && (m_s[m_i] == ' ' || m_s[m_i] == '\n' || m_s[m_i] == '\r' || m_s[m_i] == '\t'))
            ++m_i;
    }
    bool literal(QByteArrayView word)
    {
        if (!m_s.sliced(m_i).startsWith(word))
            return false;
        m_i += word.size();
        return true;
    }
    bool value(VtlValue *out, int depth)
    {
        if (depth > kMaxDepth) {
            m_tooDeep = true;
            return false;
        }
        if (m_i >= m_s.size())
            return false;
        const char c = m_s[m_i];
        if (c == '{')
            return object(out, depth);
        if (c == '[')
            return array(out, depth);
        if (c == '"') {
            QString s;
            if (!string(&s))
                return false;
            *out = VtlValue::fromString(s);
            return true;
        }
        if (literal("true")) { *out = VtlValue::fromBool(true); return true; }
        if (literal("false")) { *out = VtlValue::fromBool(false); return true; }
        if (literal("null")) { *out = VtlValue(); return true; }
        return number(out);
    }
    bool object(VtlValue *out, int depth)
    {
        ++m_i;
        *out = VtlValue::newMap();
        skip();
        if (at(m_i) == '}') {
            ++m_i;
            return true;
        }
        for (;;) {
            skip();
            QString key;
            if (at(m_i) != '"' || !string(&key))
                return false;
            key = interned(key);
            skip();
            if (at(m_i) != ':')
                return false;
            ++m_i;
            skip();
            VtlValue v;
            if (!value(&v, depth + 1))
                return false;
            out->map()->insert(key, v);
            skip();
            if (m_i >= m_s.size())
                return false;
            const char next = m_s[m_i++];
            if (next == '}') {
                out->map()->squeeze();
                return true;
            }
            if (next != ',')
                return false;
        }
    }
    bool array(VtlValue *out, int depth)
    {
        ++m_i;
        *out = VtlValue::newList(true);
        skip();
        if (at(m_i) == ']') {
            ++m_i;
            return true;
        }
        for (;;) {
            skip();
            VtlValue v;
            if (!value(&v, depth + 1))
                return false;
            out->list()->items.append(std::move(v));
            skip();
            if (m_i >= m_s.size())
                return false;
            const char next = m_s[m_i++];
            if (next == ']') {
                out->list()->items.squeeze();
                return true;
            }
            if (next != ',')
                return false;
        }
    }
    bool string(QString *out)
    {
        ++m_i;
        // Most strings have no escape: decoded in one piece, at their exact size.
        qsizetype runStart = m_i;
        qsizetype end = m_i;
        while (end < m_s.size() && m_s[end] != '"' && m_s[end] != '\\')
            ++end;
        if (end < m_s.size() && m_s[end] == '"') {
            *out = QString::fromUtf8(m_s.sliced(runStart, end - runStart));
            m_i = end + 1;
            return true;
        }
        const auto flush = [&] {
            if (m_i - 1 > runStart)
                *out += QString::fromUtf8(m_s.sliced(runStart, m_i - 1 - runStart));
        };
        while (m_i < m_s.size()) {
            const char c = m_s[m_i++];
            if (c == '"') {
                flush();
                return true;
            }
            if (c != '\\')
                continue;
            flush();
            if (m_i >= m_s.size())
                return false;
            const char e = m_s[m_i++];
            switch (e) {
            case '"': *out += QLatin1Char('"'); break;
            case '\\': *out += QLatin1Char('\\'); break;
            case '/': *out += QLatin1Char('/'); break;
            case 'b': *out += QLatin1Char('\b'); break;
            case 'f': *out += QLatin1Char('\f'); break;
            case 'n': *out += QLatin1Char('\n'); break;
            case 'r': *out += QLatin1Char('\r'); break;
            case 't': *out += QLatin1Char('\t'); break;
            case 'u': {
                if (m_i + 4 > m_s.size())
                    return false;
                bool ok = false;
                const ushort code = m_s.sliced(m_i, 4).toByteArray().toUShort(&ok, 16);
                if (!ok)
                    return false;
                *out += QChar(code);
                m_i += 4;
                break;
            }
            default: return false;
            }
            runStart = m_i;
        }
        return false;
    }
    bool number(VtlValue *out)
    {
        const qsizetype start = m_i;
        if (at(m_i) == '-')
            ++m_i;
        bool isDouble = false;
        const auto digits = [&] {
            const qsizetype from = m_i;
            while (m_i < m_s.size() && m_s[m_i] >= '0' && m_s[m_i] <= '9')
                ++m_i;
            return m_i > from;
        };
        if (!digits())
            return false;
        if (at(m_i) == '.') {
            ++m_i;
            isDouble = true;
            if (!digits())
                return false;
        }
        if (at(m_i) == 'e' || at(m_i) == 'E') {
            ++m_i;
            isDouble = true;
            if (at(m_i) == '+' || at(m_i) == '-')
                ++m_i;
            if (!digits())
                return false;
        }
        const QByteArray text = m_s.sliced(start, m_i - start).toByteArray();
        bool ok = false;
        if (!isDouble) {
            const qint64 i = text.toLongLong(&ok);
            if (ok) {
                *out = VtlValue::fromInt(i);
                return true;
            }
        }
        *out = VtlValue::fromDouble(text.toDouble(&ok));
        return ok;
    }

    // Objects in an array mostly repeat the same keys: one shared copy of each.
    QString interned(const QString &key)
    {
        const auto it = m_keys.constFind(key);
        if (it != m_keys.cend())
            return *it;
        if (m_keys.size() < 4096)
            m_keys.insert(key, key);
        return key;
    }

    QByteArrayView m_s;
    qsizetype m_i = 0;
    bool m_tooDeep = false;
    QHash<QString, QString> m_keys;
};

} // namespace

bool parseJsonText(const QString &text, VtlValue *out)
{
    return parseJsonUtf8(text.toUtf8(), out);
}

bool parseJsonUtf8(QByteArrayView utf8, VtlValue *out)
{
    VtlValue v;
    JsonReader reader(utf8);
    if (!reader.document(&v)) {
        if (reader.tooDeep())
            VtlRenderScope::fault(QStringLiteral("JSON nested deeper than %1 levels").arg(JsonReader::kMaxDepth));
        *out = VtlValue();
        return false;
    }
    *out = v;
    return true;
}

VtlValue fromQJson(const QJsonValue &json)
{
    switch (json.type()) {
    case QJsonValue::Bool: return VtlValue::fromBool(json.toBool());
    case QJsonValue::Double: {
        const double d = json.toDouble();
        if (json.toVariant().typeId() == QMetaType::LongLong || (d == double(qint64(d)) && std::abs(d) < 9e15))
            return VtlValue::fromInt(json.toInteger());
        return VtlValue::fromDouble(d);
    }
    case QJsonValue::String: return VtlValue::fromString(json.toString());
    case QJsonValue::Array: {
        VtlValue list = VtlValue::newList(true);
        for (const QJsonValue &v : json.toArray())
            list.list()->items.append(fromQJson(v));
        return list;
    }
    case QJsonValue::Object: {
        VtlValue map = VtlValue::newMap();
        const QJsonObject o = json.toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            map.map()->insert(it.key(), fromQJson(it.value()));
        return map;
    }
    default: return {};
    }
}

} // namespace gw::transform
