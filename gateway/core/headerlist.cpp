#include "headerlist.h"

namespace gw {

bool headerNameEquals(QByteArrayView a, QByteArrayView b)
{
    // Lengths first: most names differ in length, and that costs one comparison.
    return a.size() == b.size() && a.compare(b, Qt::CaseInsensitive) == 0;
}

void HeaderList::set(const QByteArray &name, const QByteArray &value)
{
    bool placed = false;
    for (qsizetype i = 0; i < m_entries.size();) {
        if (headerNameEquals(m_entries[i].first, name)) {
            if (!placed) {
                m_entries[i] = {name, value};
                placed = true;
                ++i;
            } else {
                m_entries.removeAt(i);
            }
        } else {
            ++i;
        }
    }
    if (!placed)
        m_entries.append({name, value});
}

void HeaderList::remove(QByteArrayView name)
{
    m_entries.removeIf([&](const Entry &e) { return headerNameEquals(e.first, name); });
}

bool HeaderList::contains(QByteArrayView name) const
{
    for (const auto &e : m_entries)
        if (headerNameEquals(e.first, name))
            return true;
    return false;
}

QByteArray HeaderList::value(QByteArrayView name, const QByteArray &fallback) const
{
    for (auto it = m_entries.crbegin(); it != m_entries.crend(); ++it)
        if (headerNameEquals(it->first, name))
            return it->second;
    return fallback;
}

QByteArray HeaderList::firstValue(QByteArrayView name) const
{
    for (const auto &e : m_entries)
        if (headerNameEquals(e.first, name))
            return e.second;
    return {};
}

QList<QByteArray> HeaderList::values(QByteArrayView name) const
{
    QList<QByteArray> out;
    for (const auto &e : m_entries)
        if (headerNameEquals(e.first, name))
            out.append(e.second);
    return out;
}

} // namespace gw
