#include "vtlvalue.h"

#include <QLocale>

#include <cmath>

namespace gw::transform {

VtlValue VtlValue::fromBool(bool b)
{
    VtlValue v;
    v.m_type = Type::Bool;
    v.m_bool = b;
    return v;
}

VtlValue VtlValue::fromInt(qint64 i)
{
    VtlValue v;
    v.m_type = Type::Int;
    v.m_int = i;
    return v;
}

VtlValue VtlValue::fromDouble(double d)
{
    VtlValue v;
    v.m_type = Type::Double;
    v.m_double = d;
    return v;
}

VtlValue VtlValue::fromString(const QString &s)
{
    VtlValue v;
    v.m_type = Type::String;
    v.m_string = s;
    return v;
}

VtlValue VtlValue::fromList(std::shared_ptr<VtlList> list)
{
    VtlValue v;
    v.m_type = Type::List;
    v.m_list = std::move(list);
    return v;
}

VtlValue VtlValue::fromMap(std::shared_ptr<VtlMap> map)
{
    VtlValue v;
    v.m_type = Type::Map;
    v.m_map = std::move(map);
    return v;
}

VtlValue VtlValue::fromObject(std::shared_ptr<VtlObject> object)
{
    VtlValue v;
    v.m_type = Type::Object;
    v.m_object = std::move(object);
    return v;
}

VtlValue VtlValue::newList(bool jsonStyle)
{
    auto l = std::make_shared<VtlList>();
    l->jsonStyle = jsonStyle;
    return fromList(std::move(l));
}

VtlValue VtlValue::newMap()
{
    return fromMap(std::make_shared<VtlMap>());
}

bool VtlValue::truthy() const
{
    if (m_type == Type::Null)
        return false;
    if (m_type == Type::Bool)
        return m_bool;
    return true;
}

QString javaDoubleString(double d)
{
    if (std::isnan(d))
        return QStringLiteral("NaN");
    if (std::isinf(d))
        return d > 0 ? QStringLiteral("Infinity") : QStringLiteral("-Infinity");
    if (d == 0)
        return std::signbit(d) ? QStringLiteral("-0.0") : QStringLiteral("0.0");
    const double a = std::fabs(d);
    if (a >= 1e-3 && a < 1e7) {
        QString s = QString::number(d, 'f', QLocale::FloatingPointShortest);
        if (!s.contains(QLatin1Char('.')))
            s += QStringLiteral(".0");
        return s;
    }
    // Scientific: mantissa with at least one decimal, exponent without '+' or padding.
    QString s = QString::number(d, 'e', QLocale::FloatingPointShortest);
    const qsizetype e = s.indexOf(QLatin1Char('e'));
    QString mantissa = s.left(e);
    int exponent = s.mid(e + 1).toInt();
    if (!mantissa.contains(QLatin1Char('.')))
        mantissa += QStringLiteral(".0");
    return mantissa + QStringLiteral("E") + QString::number(exponent);
}

static void appendJsonString(QString &out, const QString &s)
{
    out += QLatin1Char('"');
    for (const QChar c : s) {
        switch (c.unicode()) {
        case '"': out += QStringLiteral("\\\""); break;
        case '\\': out += QStringLiteral("\\\\"); break;
        case '\b': out += QStringLiteral("\\b"); break;
        case '\f': out += QStringLiteral("\\f"); break;
        case '\n': out += QStringLiteral("\\n"); break;
        case '\r': out += QStringLiteral("\\r"); break;
        case '\t': out += QStringLiteral("\\t"); break;
        default:
            if (c.unicode() < 0x20)
                out += QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QLatin1Char('0'));
            else
                out += c;
        }
    }
    out += QLatin1Char('"');
}

static void appendJson(QString &out, const VtlValue &v)
{
    switch (v.type()) {
    case VtlValue::Type::Null: out += QStringLiteral("null"); break;
    case VtlValue::Type::Bool: out += v.boolValue() ? QStringLiteral("true") : QStringLiteral("false"); break;
    case VtlValue::Type::Int: out += QString::number(v.intValue()); break;
    case VtlValue::Type::Double: out += javaDoubleString(v.doubleValue()); break;
    case VtlValue::Type::String: appendJsonString(out, v.stringValue()); break;
    case VtlValue::Type::Object: appendJsonString(out, v.object()->toString()); break;
    case VtlValue::Type::List: {
        out += QLatin1Char('[');
        const auto &items = v.list()->items;
        for (qsizetype i = 0; i < items.size(); ++i) {
            if (i)
                out += QLatin1Char(',');
            appendJson(out, items[i]);
        }
        out += QLatin1Char(']');
        break;
    }
    case VtlValue::Type::Map: {
        out += QLatin1Char('{');
        const VtlMap *m = v.map();
        for (qsizetype i = 0; i < m->keys.size(); ++i) {
            if (i)
                out += QLatin1Char(',');
            appendJsonString(out, m->keys[i]);
            out += QLatin1Char(':');
            appendJson(out, m->values.value(m->keys[i]));
        }
        out += QLatin1Char('}');
        break;
    }
    }
}

QString VtlValue::toJsonText() const
{
    QString out;
    appendJson(out, *this);
    return out;
}

QString VtlValue::toString() const
{
    switch (m_type) {
    case Type::Null: return QStringLiteral("null");
    case Type::Bool: return m_bool ? QStringLiteral("true") : QStringLiteral("false");
    case Type::Int: return QString::number(m_int);
    case Type::Double: return javaDoubleString(m_double);
    case Type::String: return m_string;
    case Type::Object: return m_object->toString();
    case Type::List: {
        if (m_list->jsonStyle)
            return toJsonText();
        QString out = QStringLiteral("[");
        for (qsizetype i = 0; i < m_list->items.size(); ++i) {
            if (i)
                out += QStringLiteral(", ");
            out += m_list->items[i].toString();
        }
        return out + QLatin1Char(']');
    }
    case Type::Map: {
        QString out = QStringLiteral("{");
        for (qsizetype i = 0; i < m_map->keys.size(); ++i) {
            if (i)
                out += QStringLiteral(", ");
            out += m_map->keys[i] + QLatin1Char('=') + m_map->values.value(m_map->keys[i]).toString();
        }
        return out + QLatin1Char('}');
    }
    }
    return {};
}

bool VtlValue::equals(const VtlValue &o) const
{
    if (isNumber() && o.isNumber()) {
        if (m_type == Type::Int && o.m_type == Type::Int)
            return m_int == o.m_int;
        return doubleValue() == o.doubleValue();
    }
    if (m_type != o.m_type) {
        // Velocity compares objects of different classes by their string forms.
        if (m_type == Type::Null || o.m_type == Type::Null)
            return false;
        return toString() == o.toString();
    }
    switch (m_type) {
    case Type::Null: return true;
    case Type::Bool: return m_bool == o.m_bool;
    case Type::String: return m_string == o.m_string;
    case Type::Object: return m_object == o.m_object;
    case Type::List: {
        if (m_list->items.size() != o.m_list->items.size())
            return false;
        for (qsizetype i = 0; i < m_list->items.size(); ++i)
            if (!m_list->items[i].equals(o.m_list->items[i]))
                return false;
        return true;
    }
    case Type::Map: {
        if (m_map->size() != o.m_map->size())
            return false;
        for (const QString &k : m_map->keys)
            if (!o.m_map->contains(k) || !m_map->value(k).equals(o.m_map->value(k)))
                return false;
        return true;
    }
    default: return false;
    }
}

VtlValue VtlMap::insert(const QString &key, const VtlValue &value)
{
    auto it = values.find(key);
    if (it != values.end()) {
        VtlValue previous = *it;
        *it = value;
        return previous;
    }
    keys.append(key);
    values.insert(key, value);
    return {};
}

VtlValue VtlMap::remove(const QString &key)
{
    auto it = values.find(key);
    if (it == values.end())
        return {};
    VtlValue previous = *it;
    values.erase(it);
    keys.removeOne(key);
    return previous;
}

} // namespace gw::transform
