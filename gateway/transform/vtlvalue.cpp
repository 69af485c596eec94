#include "vtlvalue.h"

#include "vtlrenderscope.h"

#include <QLocale>

#include <algorithm>
#include <cmath>
#include <vector>

namespace gw::transform {

VtlValue VtlValue::fromBool(bool b)
{
    VtlValue v;
    v.m_type = Type::Bool;
    v.m_int = b ? 1 : 0;
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
    if (list) {
        v.m_type = Type::List;
        v.m_ptr = std::move(list);
    }
    return v;
}

VtlValue VtlValue::fromMap(std::shared_ptr<VtlMap> map)
{
    VtlValue v;
    if (map) {
        v.m_type = Type::Map;
        v.m_ptr = std::move(map);
    }
    return v;
}

VtlValue VtlValue::fromObject(std::shared_ptr<VtlObject> object)
{
    VtlValue v;
    if (object) {
        v.m_type = Type::Object;
        v.m_ptr = std::move(object);
    }
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

namespace {

// Containers whose last owner went away while another one was being freed: freed by the loop
// in the outermost releaseShared() on this thread instead of by nested destructor calls.
struct ReleaseQueue
{
    bool draining = false;
    std::vector<std::shared_ptr<void>> pending;
};
thread_local ReleaseQueue t_release;

} // namespace

void VtlValue::releaseShared() noexcept
{
    if (m_ptr.use_count() != 1)
        return; // not the last owner: the member's destructor just counts down
    ReleaseQueue &q = t_release;
    if (q.draining) {
        q.pending.push_back(std::move(m_ptr));
        return;
    }
    q.draining = true;
    m_ptr.reset();
    while (!q.pending.empty()) {
        std::shared_ptr<void> p = std::move(q.pending.back());
        q.pending.pop_back();
        p.reset();
    }
    q.draining = false;
}

bool VtlValue::truthy() const
{
    if (m_type == Type::Null)
        return false;
    if (m_type == Type::Bool)
        return m_int != 0;
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

namespace {

// What the values being printed on this thread are nested in: printing goes through host
// objects (a map entry prints its value with toString()), so the path is per thread, not per
// call, and a value met again on it is a cycle wherever the walk came from.
struct PrintPath
{
    std::vector<const void *> open;
};
thread_local PrintPath t_path;

// Java's toString() and json-smart's toJSONString() of one value, within the nesting limit and
// the render's output limit; the first problem raises a render fault and stops the printing.
class Printer
{
public:
    explicit Printer(bool json) : m_json(json), m_maxChars(VtlRenderScope::maxChars()) {}

    bool print(const VtlValue &v)
    {
        if (m_stopped)
            return false;
        switch (v.type()) {
        case VtlValue::Type::Null: m_out += QStringLiteral("null"); break;
        case VtlValue::Type::Bool: m_out += v.boolValue() ? QStringLiteral("true") : QStringLiteral("false"); break;
        case VtlValue::Type::Int: m_out += QString::number(v.intValue()); break;
        case VtlValue::Type::Double: m_out += javaDoubleString(v.doubleValue()); break;
        case VtlValue::Type::String:
            if (m_json)
                appendJsonString(m_out, v.stringValue());
            else
                m_out += v.stringValue();
            break;
        case VtlValue::Type::Object:
            // Counted for depth but not a cycle by itself: a #define block referenced inside
            // itself is bounded by the render's call depth, and a map entry's value is checked
            // when it is printed.
            if (!enter(v, false))
                return false;
            if (m_json)
                appendJsonString(m_out, v.object()->toString());
            else
                m_out += v.object()->toString();
            leave();
            break;
        case VtlValue::Type::List:
            if (!m_json && v.list()->jsonStyle) {
                // A JSON array prints itself as JSON, its elements too.
                m_json = true;
                const bool ok = print(v);
                m_json = false;
                return ok;
            }
            if (!enter(v))
                return false;
            printList(v);
            leave();
            break;
        case VtlValue::Type::Map:
            if (!enter(v))
                return false;
            printMap(v);
            leave();
            break;
        }
        return checkLength();
    }

    QString take() { return std::move(m_out); }

private:
    void printList(const VtlValue &v)
    {
        m_out += QLatin1Char('[');
        const QList<VtlValue> items = v.list()->items; // a toString() inside may change the list
        for (qsizetype i = 0; i < items.size() && !m_stopped; ++i) {
            if (i)
                m_out += m_json ? QStringLiteral(",") : QStringLiteral(", ");
            if (!m_json && items[i].identity() == v.identity())
                m_out += QStringLiteral("(this Collection)");
            else
                print(items[i]);
        }
        m_out += QLatin1Char(']');
    }

    void printMap(const VtlValue &v)
    {
        m_out += QLatin1Char('{');
        const VtlMap m = *v.map();
        for (qsizetype i = 0; i < m.size() && !m_stopped; ++i) {
            if (i)
                m_out += m_json ? QStringLiteral(",") : QStringLiteral(", ");
            const VtlValue &item = m.values().at(i);
            if (m_json) {
                appendJsonString(m_out, m.keys().at(i));
                m_out += QLatin1Char(':');
            } else {
                m_out += m.keys().at(i) + QLatin1Char('=');
            }
            if (!m_json && item.identity() == v.identity())
                m_out += QStringLiteral("(this Map)");
            else
                print(item);
        }
        m_out += QLatin1Char('}');
    }

    bool enter(const VtlValue &v, bool container = true)
    {
        auto &open = t_path.open;
        if (container && std::find(open.begin(), open.end(), v.identity()) != open.end()) {
            return stop(m_json ? QStringLiteral("cannot write JSON for a value that contains itself (json-smart would overflow its stack)")
                               : QStringLiteral("cannot print a value that contains itself through another collection "
                                                "(Java would overflow its stack)"));
        }
        if (open.size() >= size_t(VtlValue::kMaxNesting))
            return stop(QStringLiteral("cannot print a value nested deeper than %1 levels").arg(VtlValue::kMaxNesting));
        open.push_back(container ? v.identity() : nullptr);
        return true;
    }
    void leave() { t_path.open.pop_back(); }

    bool checkLength()
    {
        if (m_out.size() > m_maxChars)
            return stop(QStringLiteral("a printed value exceeds %1 characters").arg(m_maxChars));
        return !m_stopped;
    }

    bool stop(const QString &message)
    {
        if (!m_stopped)
            VtlRenderScope::fault(message);
        m_stopped = true;
        return false;
    }

    bool m_json;
    bool m_stopped = false;
    qsizetype m_maxChars;
    QString m_out;
};

// equals() with a nesting limit and a bound on the work (two DAGs that share their parts can
// hold exponentially many paths).
class Comparer
{
public:
    bool equal(const VtlValue &a, const VtlValue &b, int depth)
    {
        using T = VtlValue::Type;
        if (m_stopped)
            return false;
        if (++m_visits > VtlRenderScope::maxChars())
            return stop(QStringLiteral("comparing values that hold more than %1 elements").arg(VtlRenderScope::maxChars()));
        if (a.isNumber() && b.isNumber()) {
            if (a.type() == T::Int && b.type() == T::Int)
                return a.intValue() == b.intValue();
            return a.doubleValue() == b.doubleValue();
        }
        if (a.type() != b.type()) {
            // Velocity compares objects of different classes by their string forms.
            if (a.isNull() || b.isNull())
                return false;
            return a.toString() == b.toString();
        }
        if (a.isShared() && a.identity() == b.identity())
            return true; // AbstractList / AbstractMap.equals: `o == this` first
        if ((a.type() == T::List || a.type() == T::Map) && depth >= VtlValue::kMaxNesting)
            return stop(QStringLiteral("cannot compare values nested deeper than %1 levels (a collection that contains itself?)")
                            .arg(VtlValue::kMaxNesting));
        switch (a.type()) {
        case T::Null: return true;
        case T::Bool: return a.boolValue() == b.boolValue();
        case T::String: return a.stringValue() == b.stringValue();
        case T::List: {
            const QList<VtlValue> x = a.list()->items, y = b.list()->items;
            if (x.size() != y.size())
                return false;
            for (qsizetype i = 0; i < x.size(); ++i)
                if (!equal(x[i], y[i], depth + 1))
                    return false;
            return true;
        }
        case T::Map: {
            const VtlMap x = *a.map(), y = *b.map();
            if (x.size() != y.size())
                return false;
            for (qsizetype i = 0; i < x.size(); ++i) {
                const qsizetype j = y.indexOf(x.keys().at(i));
                if (j < 0 || !equal(x.values().at(i), y.values().at(j), depth + 1))
                    return false;
            }
            return true;
        }
        default: return false; // host objects: identity, checked above
        }
    }

private:
    bool stop(const QString &message)
    {
        if (!m_stopped)
            VtlRenderScope::fault(message);
        m_stopped = true;
        return false;
    }
    qint64 m_visits = 0;
    bool m_stopped = false;
};

} // namespace

QString VtlValue::toJsonText() const
{
    Printer p(true);
    p.print(*this);
    return p.take();
}

QString VtlValue::toString() const
{
    switch (m_type) {
    case Type::Null: return QStringLiteral("null");
    case Type::Bool: return m_int ? QStringLiteral("true") : QStringLiteral("false");
    case Type::Int: return QString::number(m_int);
    case Type::Double: return javaDoubleString(m_double);
    case Type::String: return m_string;
    case Type::Object: {
        // Through the printer, so that an object printing what holds it is caught.
        Printer p(false);
        p.print(*this);
        return p.take();
    }
    case Type::List:
    case Type::Map: {
        Printer p(false);
        p.print(*this);
        return p.take();
    }
    }
    return {};
}

bool VtlValue::equals(const VtlValue &o) const
{
    return Comparer().equal(*this, o, 0);
}

qsizetype VtlMap::indexOf(const QString &key) const
{
    if (m_keys.size() < kIndexFrom)
        return m_keys.indexOf(key);
    if (!m_index) {
        m_index = std::make_unique<QHash<QString, qsizetype>>();
        m_index->reserve(m_keys.size());
        for (qsizetype i = 0; i < m_keys.size(); ++i)
            m_index->insert(m_keys[i], i);
    }
    return m_index->value(key, -1);
}

VtlValue VtlMap::value(const QString &key) const
{
    const qsizetype i = indexOf(key);
    return i < 0 ? VtlValue() : m_values.at(i);
}

VtlValue VtlMap::insert(const QString &key, const VtlValue &value)
{
    const qsizetype i = indexOf(key);
    if (i >= 0) {
        VtlValue previous = m_values.at(i);
        m_values[i] = value;
        return previous;
    }
    m_keys.append(key);
    m_values.append(value);
    if (m_index)
        m_index->insert(key, m_keys.size() - 1);
    return {};
}

VtlValue VtlMap::remove(const QString &key)
{
    const qsizetype i = indexOf(key);
    if (i < 0)
        return {};
    VtlValue previous = m_values.at(i);
    m_keys.removeAt(i);
    m_values.removeAt(i);
    m_index.reset();
    return previous;
}

void VtlMap::clear()
{
    m_index.reset();
    QList<VtlValue> values = std::move(m_values); // freed after the map is consistent again
    m_values.clear();
    m_keys.clear();
}

void VtlMap::squeeze()
{
    m_keys.squeeze();
    m_values.squeeze();
}

void VtlMap::reserve(qsizetype n)
{
    m_keys.reserve(n);
    m_values.reserve(n);
}

} // namespace gw::transform
