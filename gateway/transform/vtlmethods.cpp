#include "vtlmethods.h"

#include "javaregex.h"
#include "vtlrenderscope.h"

namespace gw::transform {

namespace {

using T = VtlValue::Type;

VtlValue str(const QString &s) { return VtlValue::fromString(s); }
VtlValue boolean(bool b) { return VtlValue::fromBool(b); }
VtlValue integer(qint64 i) { return VtlValue::fromInt(i); }

// Map.Entry as entrySet() yields it: .key/.value (getKey()/getValue()), printed k=v.
class MapEntry final : public VtlObject
{
public:
    MapEntry(QString key, VtlValue value) : m_key(std::move(key)), m_value(std::move(value)) {}
    VtlValue property(const QString &name) override
    {
        if (name == QLatin1String("key"))
            return str(m_key);
        if (name == QLatin1String("value"))
            return m_value;
        return {};
    }
    VtlValue call(const QString &name, const QList<VtlValue> &, bool *found) override
    {
        *found = true;
        if (name == QLatin1String("getKey"))
            return str(m_key);
        if (name == QLatin1String("getValue"))
            return m_value;
        if (name == QLatin1String("toString"))
            return str(toString());
        *found = false;
        return {};
    }
    QString toString() const override { return m_key + QLatin1Char('=') + m_value.toString(); }
    QList<VtlValue> held() const override { return {m_value}; }
    void releaseHeld() override { m_value = VtlValue(); }

private:
    QString m_key;
    VtlValue m_value;
};

qint32 javaHashCode(const QString &s)
{
    quint32 h = 0;
    for (const QChar c : s)
        h = 31 * h + c.unicode();
    return qint32(h);
}

bool argIsInt(const QList<VtlValue> &args, int i) { return args.size() > i && args[i].isNumber(); }
QString argString(const QList<VtlValue> &args, int i) { return args.size() > i ? args[i].toString() : QString(); }

VtlValue stringMethod(const QString &s, const QString &name, const QList<VtlValue> &args, bool *found)
{
    const qsizetype n = args.size();
    const QString a0 = argString(args, 0);
    const QString a1 = argString(args, 1);
    if (n == 0) {
        if (name == QLatin1String("length")) return integer(s.size());
        if (name == QLatin1String("isEmpty")) return boolean(s.isEmpty());
        if (name == QLatin1String("isBlank")) return boolean(s.trimmed().isEmpty());
        if (name == QLatin1String("trim") || name == QLatin1String("strip")) return str(s.trimmed());
        if (name == QLatin1String("toLowerCase")) return str(s.toLower());
        if (name == QLatin1String("toUpperCase")) return str(s.toUpper());
        if (name == QLatin1String("toString")) return str(s);
        if (name == QLatin1String("hashCode")) return integer(javaHashCode(s));
    } else if (n == 1) {
        if (name == QLatin1String("contains")) return boolean(s.contains(a0));
        if (name == QLatin1String("startsWith")) return boolean(s.startsWith(a0));
        if (name == QLatin1String("endsWith")) return boolean(s.endsWith(a0));
        if (name == QLatin1String("indexOf")) return integer(s.indexOf(a0));
        if (name == QLatin1String("lastIndexOf")) return integer(s.lastIndexOf(a0));
        if (name == QLatin1String("equals")) return boolean(args[0].isString() && s == a0);
        if (name == QLatin1String("equalsIgnoreCase")) return boolean(args[0].isString() && s.compare(a0, Qt::CaseInsensitive) == 0);
        if (name == QLatin1String("matches")) {
            const QRegularExpression &re = javaRegex(a0, true);
            return boolean(re.isValid() && re.match(s).hasMatch());
        }
        if (name == QLatin1String("concat")) return str(s + a0);
        if (name == QLatin1String("compareTo")) return integer(s.compare(a0));
        if (name == QLatin1String("split")) {
            VtlValue list = VtlValue::newList();
            for (const QString &part : javaSplit(s, a0))
                list.list()->items.append(str(part));
            return list;
        }
        if (name == QLatin1String("charAt") && argIsInt(args, 0)) {
            const qint64 i = args[0].intValue();
            return i >= 0 && i < s.size() ? str(QString(s.at(i))) : VtlValue();
        }
        if (name == QLatin1String("substring") && argIsInt(args, 0)) {
            const qint64 b = args[0].intValue();
            return b >= 0 && b <= s.size() ? str(s.mid(b)) : VtlValue();
        }
    } else if (n == 2) {
        if (name == QLatin1String("replace")) return str(QString(s).replace(a0, a1));
        if (name == QLatin1String("replaceAll")) return str(javaReplace(s, a0, a1, true));
        if (name == QLatin1String("replaceFirst")) return str(javaReplace(s, a0, a1, false));
        if (name == QLatin1String("indexOf") && argIsInt(args, 1)) return integer(s.indexOf(a0, args[1].intValue()));
        if (name == QLatin1String("startsWith") && argIsInt(args, 1)) return boolean(QStringView(s).mid(args[1].intValue()).startsWith(a0));
        if (name == QLatin1String("substring") && argIsInt(args, 0) && argIsInt(args, 1)) {
            const qint64 b = args[0].intValue(), e = args[1].intValue();
            return b >= 0 && e <= s.size() && b <= e ? str(s.mid(b, e - b)) : VtlValue();
        }
    }
    *found = false;
    return {};
}

VtlValue listMethod(const VtlValue &self, const QString &name, const QList<VtlValue> &args, bool *found)
{
    QList<VtlValue> &items = self.list()->items;
    const qsizetype n = args.size();
    const auto indexOf = [&](const VtlValue &v) -> qint64 {
        for (qsizetype i = 0; i < items.size(); ++i)
            if (items[i].equals(v))
                return i;
        return -1;
    };
    const auto validIndex = [&](int arg, bool inclusiveEnd = false) {
        if (!argIsInt(args, arg))
            return false;
        const qint64 i = args[arg].intValue();
        return i >= 0 && (inclusiveEnd ? i <= items.size() : i < items.size());
    };
    if (n == 0) {
        if (name == QLatin1String("size")) return integer(items.size());
        if (name == QLatin1String("isEmpty")) return boolean(items.isEmpty());
        if (name == QLatin1String("clear")) { items.clear(); return {}; }
        if (name == QLatin1String("toString")) return str(self.toString());
    } else if (n == 1) {
        if (name == QLatin1String("get")) return validIndex(0) ? items[args[0].intValue()] : VtlValue();
        if (name == QLatin1String("contains")) return boolean(indexOf(args[0]) >= 0);
        if (name == QLatin1String("indexOf")) return integer(indexOf(args[0]));
        if (name == QLatin1String("add")) {
            VtlRenderScope::noteStored(self, args[0]);
            items.append(args[0]);
            return boolean(true);
        }
        if (name == QLatin1String("addAll") && args[0].type() == T::List) {
            const QList<VtlValue> added = args[0].list()->items;
            for (const VtlValue &v : added)
                VtlRenderScope::noteStored(self, v);
            items.append(added);
            return boolean(true);
        }
        if (name == QLatin1String("remove")) {
            if (args[0].type() == T::Int)
                return validIndex(0) ? items.takeAt(args[0].intValue()) : VtlValue();
            const qint64 i = indexOf(args[0]);
            if (i >= 0)
                items.removeAt(i);
            return boolean(i >= 0);
        }
        if (name == QLatin1String("equals")) return boolean(self.equals(args[0]));
    } else if (n == 2) {
        if (name == QLatin1String("set") && validIndex(0)) {
            VtlValue previous = items[args[0].intValue()];
            VtlRenderScope::noteStored(self, args[1]);
            items[args[0].intValue()] = args[1];
            return previous;
        }
        if (name == QLatin1String("add") && validIndex(0, true)) {
            VtlRenderScope::noteStored(self, args[1]);
            items.insert(args[0].intValue(), args[1]);
            return {};
        }
        if (name == QLatin1String("subList") && validIndex(0, true) && validIndex(1, true) && args[0].intValue() <= args[1].intValue()) {
            VtlValue sub = VtlValue::newList(self.list()->jsonStyle);
            sub.list()->items = items.mid(args[0].intValue(), args[1].intValue() - args[0].intValue());
            return sub;
        }
    }
    *found = false;
    return {};
}

VtlValue mapMethod(const VtlValue &self, const QString &name, const QList<VtlValue> &args, bool *found)
{
    VtlMap &m = *self.map();
    const qsizetype n = args.size();
    const QString key = argString(args, 0);
    if (n == 0) {
        if (name == QLatin1String("size")) return integer(m.size());
        if (name == QLatin1String("isEmpty")) return boolean(m.size() == 0);
        if (name == QLatin1String("keySet")) {
            VtlValue keys = VtlValue::newList();
            for (const QString &k : m.keys())
                keys.list()->items.append(str(k));
            return keys;
        }
        if (name == QLatin1String("values")) {
            VtlValue values = VtlValue::newList();
            values.list()->items = m.values();
            return values;
        }
        if (name == QLatin1String("entrySet")) {
            VtlValue entries = VtlValue::newList();
            for (qsizetype i = 0; i < m.size(); ++i)
                entries.list()->items.append(VtlValue::fromObject(std::make_shared<MapEntry>(m.keys().at(i), m.values().at(i))));
            return entries;
        }
        if (name == QLatin1String("clear")) { m.clear(); return {}; }
        if (name == QLatin1String("toString")) return str(self.toString());
    } else if (n == 1) {
        if (name == QLatin1String("get")) return m.value(key);
        if (name == QLatin1String("containsKey")) return boolean(m.contains(key));
        if (name == QLatin1String("containsValue")) {
            const QList<VtlValue> values = m.values();
            for (const VtlValue &v : values)
                if (v.equals(args[0]))
                    return boolean(true);
            return boolean(false);
        }
        if (name == QLatin1String("remove")) return m.remove(key);
        if (name == QLatin1String("putAll") && args[0].type() == T::Map) {
            const VtlMap other = *args[0].map();
            for (qsizetype i = 0; i < other.size(); ++i) {
                VtlRenderScope::noteStored(self, other.values().at(i));
                m.insert(other.keys().at(i), other.values().at(i));
            }
            return {};
        }
        if (name == QLatin1String("equals")) return boolean(self.equals(args[0]));
    } else if (n == 2) {
        if (name == QLatin1String("put")) {
            VtlRenderScope::noteStored(self, args[1]);
            return m.insert(key, args[1]);
        }
        if (name == QLatin1String("getOrDefault")) return m.contains(key) ? m.value(key) : args[1];
        if (name == QLatin1String("putIfAbsent")) {
            if (m.contains(key) && !m.value(key).isNull())
                return m.value(key);
            VtlRenderScope::noteStored(self, args[1]);
            m.insert(key, args[1]);
            return {};
        }
    }
    *found = false;
    return {};
}

VtlValue scalarMethod(const VtlValue &self, const QString &name, const QList<VtlValue> &args, bool *found)
{
    if (args.isEmpty()) {
        if (name == QLatin1String("toString")) return str(self.toString());
        if (self.isNumber()) {
            if (name == QLatin1String("intValue") || name == QLatin1String("longValue")) return integer(self.intValue());
            if (name == QLatin1String("doubleValue") || name == QLatin1String("floatValue")) return VtlValue::fromDouble(self.doubleValue());
        }
        if (self.type() == T::Bool && name == QLatin1String("booleanValue")) return self;
    } else if (args.size() == 1) {
        if (name == QLatin1String("equals")) return boolean(self.type() == args[0].type() && self.equals(args[0]));
        if (name == QLatin1String("compareTo") && self.isNumber() && args[0].isNumber()) {
            const double a = self.doubleValue(), b = args[0].doubleValue();
            return integer(a < b ? -1 : a > b ? 1 : 0);
        }
    }
    *found = false;
    return {};
}

} // namespace

VtlValue callJavaMethod(const VtlValue &target, const QString &name, const QList<VtlValue> &args, bool *found)
{
    *found = true;
    switch (target.type()) {
    case T::Null: *found = false; return {};
    case T::String: return stringMethod(target.stringValue(), name, args, found);
    case T::List: return listMethod(target, name, args, found);
    case T::Map: return mapMethod(target, name, args, found);
    case T::Object: return target.object()->call(name, args, found);
    default: return scalarMethod(target, name, args, found);
    }
}

VtlValue javaProperty(const VtlValue &target, const QString &name)
{
    if (target.type() == T::Map)
        return target.map()->value(name);
    if (target.type() == T::Object)
        return target.object()->property(name);
    if (target.isNull() || name.isEmpty())
        return {};
    const QString capitalised = name.at(0).toUpper() + name.mid(1);
    bool found = false;
    VtlValue v = callJavaMethod(target, QStringLiteral("get") + capitalised, {}, &found);
    if (found)
        return v;
    v = callJavaMethod(target, QStringLiteral("is") + capitalised, {}, &found);
    return found ? v : VtlValue();
}

} // namespace gw::transform
