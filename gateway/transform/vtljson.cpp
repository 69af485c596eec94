#include "vtljson.h"

#include "vtlrenderscope.h"

#include <QJsonArray>
#include <QJsonObject>

#include <cmath>

namespace gw::transform {

namespace {

class JsonReader
{
public:
    explicit JsonReader(const QString &text) : m_s(text) {}

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
    void skip()
    {
        while (m_i < m_s.size() && (m_s[m_i] == QLatin1Char(' ') || m_s[m_i] == QLatin1Char('\n') || m_s[m_i] == QLatin1Char('\r') || m_s[m_i] == QLatin1Char('\t')))
            ++m_i;
    }
    bool literal(QLatin1String word)
    {
        if (!QStringView(m_s).mid(m_i).startsWith(word))
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
        const QChar c = m_s[m_i];
        if (c == QLatin1Char('{'))
            return object(out, depth);
        if (c == QLatin1Char('['))
            return array(out, depth);
        if (c == QLatin1Char('"')) {
            QString s;
            if (!string(&s))
                return false;
            *out = VtlValue::fromString(s);
            return true;
        }
        if (literal(QLatin1String("true"))) { *out = VtlValue::fromBool(true); return true; }
        if (literal(QLatin1String("false"))) { *out = VtlValue::fromBool(false); return true; }
        if (literal(QLatin1String("null"))) { *out = VtlValue(); return true; }
        return number(out);
    }
    bool object(VtlValue *out, int depth)
    {
        ++m_i;
        *out = VtlValue::newMap();
        skip();
        if (m_i < m_s.size() && m_s[m_i] == QLatin1Char('}')) {
            ++m_i;
            return true;
        }
        for (;;) {
            skip();
            QString key;
            if (m_i >= m_s.size() || m_s[m_i] != QLatin1Char('"') || !string(&key))
                return false;
            key = interned(key);
            skip();
            if (m_i >= m_s.size() || m_s[m_i] != QLatin1Char(':'))
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
            if (m_s[m_i++] == QLatin1Char('}')) {
                out->map()->squeeze();
                return true;
            }
            if (m_s[m_i - 1] != QLatin1Char(','))
                return false;
        }
    }
    bool array(VtlValue *out, int depth)
    {
        ++m_i;
        *out = VtlValue::newList(true);
        skip();
        if (m_i < m_s.size() && m_s[m_i] == QLatin1Char(']')) {
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
            if (m_s[m_i++] == QLatin1Char(']')) {
                out->list()->items.squeeze();
                return true;
            }
            if (m_s[m_i - 1] != QLatin1Char(','))
                return false;
        }
    }
    bool string(QString *out)
    {
        ++m_i;
        // Most strings have no escape: copied in one piece, at their exact size.
        const qsizetype start = m_i;
        qsizetype end = start;
        while (end < m_s.size() && m_s[end] != QLatin1Char('"') && m_s[end] != QLatin1Char('\\'))
            ++end;
        if (end < m_s.size() && m_s[end] == QLatin1Char('"')) {
            *out = m_s.mid(start, end - start);
            m_i = end + 1;
            return true;
        }
        while (m_i < m_s.size()) {
            const QChar c = m_s[m_i++];
            if (c == QLatin1Char('"'))
                return true;
            if (c != QLatin1Char('\\')) {
                *out += c;
                continue;
            }
            if (m_i >= m_s.size())
                return false;
            const QChar e = m_s[m_i++];
            switch (e.unicode()) {
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
                const ushort code = m_s.mid(m_i, 4).toUShort(&ok, 16);
                if (!ok)
                    return false;
                *out += QChar(code);
                m_i += 4;
                break;
            }
            default: return false;
            }
        }
        return false;
    }
    bool number(VtlValue *out)
    {
        const qsizetype start = m_i;
        if (m_i < m_s.size() && m_s[m_i] == QLatin1Char('-'))
            ++m_i;
        bool isDouble = false;
        const auto digits = [&] {
            const qsizetype from = m_i;
            while (m_i < m_s.size() && m_s[m_i].isDigit() && m_s[m_i].unicode() < 128)
                ++m_i;
            return m_i > from;
        };
        if (!digits())
            return false;
        if (m_i < m_s.size() && m_s[m_i] == QLatin1Char('.')) {
            ++m_i;
            isDouble = true;
            if (!digits())
                return false;
        }
        if (m_i < m_s.size() && (m_s[m_i] == QLatin1Char('e') || m_s[m_i] == QLatin1Char('E'))) {
            ++m_i;
            isDouble = true;
            if (m_i < m_s.size() && (m_s[m_i] == QLatin1Char('+') || m_s[m_i] == QLatin1Char('-')))
                ++m_i;
            if (!digits())
                return false;
        }
        const QStringView text = QStringView(m_s).mid(start, m_i - start);
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

    const QString &m_s;
    qsizetype m_i = 0;
    bool m_tooDeep = false;
    QHash<QString, QString> m_keys;
};

} // namespace

bool parseJsonText(const QString &text, VtlValue *out)
{
    VtlValue v;
    JsonReader reader(text);
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
