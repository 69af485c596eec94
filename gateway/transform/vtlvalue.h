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
// changes the list every variable holding it sees.
class VtlValue
{
public:
    enum class Type { Null, Bool, Int, Double, String, List, Map, Object };

    VtlValue() = default;
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

    bool boolValue() const { return m_bool; }
    qint64 intValue() const { return m_type == Type::Double ? qint64(m_double) : m_int; }
    double doubleValue() const { return m_type == Type::Double ? m_double : double(m_int); }
    const QString &stringValue() const { return m_string; }
    VtlList *list() const { return m_list.get(); }
    VtlMap *map() const { return m_map.get(); }
    VtlObject *object() const { return m_object.get(); }
    const std::shared_ptr<VtlList> &sharedList() const { return m_list; }

    // Velocity's truth: null and false are false, anything else is true.
    bool truthy() const;
    // Java's toString(): 1.0 for doubles, {k=v} for maps, [a, b] for lists (JSON for lists that
    // came from JSON, as json-smart prints them).
    QString toString() const;
    // Compact JSON text (json-smart's toJSONString).
    QString toJsonText() const;
    // Java equals(), with Velocity's rule that numbers compare by value.
    bool equals(const VtlValue &other) const;

private:
    Type m_type = Type::Null;
    bool m_bool = false;
    qint64 m_int = 0;
    double m_double = 0.0;
    QString m_string;
    std::shared_ptr<VtlList> m_list;
    std::shared_ptr<VtlMap> m_map;
    std::shared_ptr<VtlObject> m_object;
};

struct VtlList
{
    QList<VtlValue> items;
    bool jsonStyle = false; // a JSON array (json-smart's JSONArray prints itself as JSON)
};

// A map that keeps insertion order (as LinkedHashMap; JSON objects keep the document's order).
struct VtlMap
{
    QStringList keys;
    QHash<QString, VtlValue> values;

    bool contains(const QString &key) const { return values.contains(key); }
    VtlValue value(const QString &key) const { return values.value(key); }
    // Returns the previous value (null when there was none), as Map.put does.
    VtlValue insert(const QString &key, const VtlValue &value);
    VtlValue remove(const QString &key);
    qsizetype size() const { return keys.size(); }
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
};

// Java's Double.toString: shortest round-trip digits, "1.0" for integral values, E notation
// outside [1e-3, 1e7).
QString javaDoubleString(double d);

} // namespace gw::transform
