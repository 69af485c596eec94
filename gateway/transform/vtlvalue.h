#pragma once

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>

namespace gw::transform {

struct VtlList;
struct VtlMap;
class VtlObject;

// A value as a mapping template sees it: Java's null, Boolean, Integer/Long, Double, String,
// List and Map. Lists and maps are shared by reference, as Java objects are: `$list.add(x)`
// changes the list every variable holding it sees, and a list may hold itself.
class VtlValue
{
public:
    enum class Type : quint8 { Null, Bool, Int, Double, String, List, Map, Object };

    VtlValue() = default;
    VtlValue(const VtlValue &) = default;
    VtlValue(VtlValue &&) noexcept = default;
    VtlValue &operator=(const VtlValue &) = default;
    VtlValue &operator=(VtlValue &&) noexcept = default;
    // A list nested a million deep must not take a million nested destructor calls: the last
    // owner of a list, map or object queues it and one loop per thread frees the queue.
    ~VtlValue()
    {
        if (m_ptr)
            releaseShared();
    }

    static VtlValue fromBool(bool b);
    static VtlValue fromInt(qint64 i);
    static VtlValue fromDouble(double d);
    static VtlValue fromString(const QString &s);
    static VtlValue fromList(std::shared_ptr<VtlList> list);
    static VtlValue fromMap(std::shared_ptr<VtlMap> map);
    static VtlValue fromObject(std::shared_ptr<VtlObject> object);
    static VtlValue newList(bool jsonStyle = false);
    static VtlValue newMap();

    Type type() const { return m_type; }
    bool isNull() const { return m_type == Type::Null; }
    bool isNumber() const { return m_type == Type::Int || m_type == Type::Double; }
    bool isString() const { return m_type == Type::String; }
    // A list, a map or a host object: a value other values can be stored in or reached from.
    bool isShared() const { return m_ptr != nullptr; }

    bool boolValue() const { return m_int != 0; }
    qint64 intValue() const { return m_type == Type::Double ? qint64(m_double) : m_int; }
    double doubleValue() const { return m_type == Type::Double ? m_double : double(m_int); }
    const QString &stringValue() const { return m_string; }
    VtlList *list() const { return m_type == Type::List ? static_cast<VtlList *>(m_ptr.get()) : nullptr; }
    VtlMap *map() const { return m_type == Type::Map ? static_cast<VtlMap *>(m_ptr.get()) : nullptr; }
    VtlObject *object() const { return m_type == Type::Object ? static_cast<VtlObject *>(m_ptr.get()) : nullptr; }
    // The list, map or object itself (identity: Java's ==), null for other values.
    const void *identity() const { return m_ptr.get(); }
    const std::shared_ptr<void> &shared() const { return m_ptr; }

    // Velocity's truth: null and false are false, anything else is true.
    bool truthy() const;
    // Java's toString(): 1.0 for doubles, {k=v} for maps, [a, b] for lists (JSON for lists that
    // came from JSON, as json-smart prints them). A list that holds itself prints
    // "(this Collection)" there, a map "(this Map)", as AbstractCollection / AbstractMap do. A
    // value that reaches itself through another one, or is nested deeper than kMaxNesting, or
    // prints longer than the render's output limit, stops printing and raises a render fault
    // (vtlrenderscope.h): Java would overflow its stack or its heap there.
    QString toString() const;
    // Compact JSON text (json-smart's toJSONString); any value that reaches itself is a fault.
    QString toJsonText() const;
    // Java equals(), with Velocity's rule that numbers compare by value. A collection equals
    // itself without being walked (AbstractList.equals checks identity first); two distinct
    // values nested deeper than kMaxNesting (which two self-holding lists are) raise a fault.
    bool equals(const VtlValue &other) const;

    // How deep printing, JSON writing and comparing may walk into nested values.
    static constexpr int kMaxNesting = 1000;

private:
    void releaseShared() noexcept;

    Type m_type = Type::Null;
    union {
        qint64 m_int = 0; // Int; Bool as 0 / 1
        double m_double;
    };
    QString m_string;
    std::shared_ptr<void> m_ptr; // VtlList, VtlMap or VtlObject, as m_type says
};

struct VtlList
{
    QList<VtlValue> items;
    bool jsonStyle = false; // a JSON array (json-smart's JSONArray prints itself as JSON)
};

// A map that keeps insertion order (as LinkedHashMap; JSON objects keep the document's order).
// Keys and values sit in two parallel arrays; small maps (most JSON objects) find keys by a
// linear scan, and a hash index is built only once a map grows past kIndexFrom keys: a QHash
// per JSON object cost about 6 KB, which made a 10 MB body take most of a gigabyte.
struct VtlMap
{
    VtlMap() = default;
    VtlMap(const VtlMap &other) : m_keys(other.m_keys), m_values(other.m_values) {}
    VtlMap &operator=(const VtlMap &other)
    {
        m_keys = other.m_keys;
        m_values = other.m_values;
        m_index.reset();
        return *this;
    }

    const QStringList &keys() const { return m_keys; }
    const QList<VtlValue> &values() const { return m_values; }
    qsizetype size() const { return m_keys.size(); }
    qsizetype indexOf(const QString &key) const;
    bool contains(const QString &key) const { return indexOf(key) >= 0; }
    VtlValue value(const QString &key) const;
    // Returns the previous value (null when there was none), as Map.put does.
    VtlValue insert(const QString &key, const VtlValue &value);
    VtlValue remove(const QString &key);
    void clear();
    void reserve(qsizetype n);
    void squeeze();

    static constexpr qsizetype kIndexFrom = 16;

private:
    QStringList m_keys;
    QList<VtlValue> m_values;
    mutable std::unique_ptr<QHash<QString, qsizetype>> m_index;
};

// A host object ($input, $util): properties and methods implemented in C++.
class VtlObject
{
public:
    virtual ~VtlObject() = default;
    virtual VtlValue property(const QString &name) = 0;
    // `found` stays false for an unknown method (the reference then renders as empty).
    virtual VtlValue call(const QString &name, const QList<VtlValue> &args, bool *found) = 0;
    virtual QString toString() const { return {}; }
    // The values this object keeps (a map entry's value, $input's parsed body): a template can
    // store the object inside one of them, and the render's end must see such cycles to free
    // them (VtlRenderScope). releaseHeld() drops them.
    virtual QList<VtlValue> held() const { return {}; }
    virtual void releaseHeld() {}
};

// Java's Double.toString: shortest round-trip digits, "1.0" for integral values, E notation
// outside [1e-3, 1e7).
QString javaDoubleString(double d);

} // namespace gw::transform
