#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QPair>

namespace gw {

// HTTP headers as they came on the wire: order and name casing kept, lookups case-insensitive.
// A value type; cheap to copy for the header counts gateways see.
class HeaderList
{
public:
    using Entry = QPair<QByteArray, QByteArray>;

    void append(const QByteArray &name, const QByteArray &value) { m_entries.append({name, value}); }
    // Replaces every header of that name with one entry (keeps the position of the first).
    void set(const QByteArray &name, const QByteArray &value);
    // Lookups take views: a name written as a literal ("content-type") costs no allocation.
    void remove(QByteArrayView name);
    bool contains(QByteArrayView name) const;
    // The last value of that name, as API Gateway's single-value maps keep it.
    QByteArray value(QByteArrayView name, const QByteArray &fallback = {}) const;
    QByteArray firstValue(QByteArrayView name) const;
    QList<QByteArray> values(QByteArrayView name) const;

    const QList<Entry> &entries() const { return m_entries; }
    qsizetype size() const { return m_entries.size(); }
    bool isEmpty() const { return m_entries.isEmpty(); }
    auto begin() const { return m_entries.begin(); }
    auto end() const { return m_entries.end(); }

    friend bool operator==(const HeaderList &, const HeaderList &) = default;

private:
    QList<Entry> m_entries;
};

bool headerNameEquals(QByteArrayView a, QByteArrayView b);

} // namespace gw
