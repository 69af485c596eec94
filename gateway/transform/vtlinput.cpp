#include "vtlinput.h"

#include "jsonpath.h"
#include "vtljson.h"

namespace gw::transform {

VtlInput::VtlInput(const QByteArray &body, const StringPairs &path, const StringPairs &query, const StringPairs &headers)
    // An empty payload reads as {} (recorded: $input.body of an empty request is "{}").
    : m_bytes(body.isEmpty() ? QByteArrayLiteral("{}") : body), m_path(path), m_query(query), m_headers(headers)
{
}

const QString &VtlInput::body()
{
    if (!m_body)
        m_body = QString::fromUtf8(m_bytes);
    return *m_body;
}

const VtlValue &VtlInput::root()
{
    if (!m_parsed) {
        m_parsed = true;
        // json-smart is lenient: a body that is not JSON is one string value.
        if (!parseJsonUtf8(m_bytes, &m_root))
            m_root = VtlValue::fromString(body());
    }
    return m_root;
}

VtlValue VtlInput::property(const QString &name)
{
    if (name == QLatin1String("body"))
        return VtlValue::fromString(body());
    return {};
}

static VtlValue pairsMap(const StringPairs &pairs)
{
    VtlValue map = VtlValue::newMap();
    for (const auto &p : pairs)
        map.map()->insert(p.first, VtlValue::fromString(p.second));
    return map;
}

VtlValue VtlInput::params() const
{
    VtlValue all = VtlValue::newMap();
    all.map()->insert(QStringLiteral("path"), pairsMap(m_path));
    all.map()->insert(QStringLiteral("querystring"), pairsMap(m_query));
    all.map()->insert(QStringLiteral("header"), pairsMap(m_headers));
    return all;
}

VtlValue VtlInput::param(const QString &name) const
{
    // Path first, then the query string, then headers (header names ignore case).
    const auto last = [](const StringPairs &pairs, const QString &n, Qt::CaseSensitivity cs) -> std::optional<QString> {
        for (auto it = pairs.crbegin(); it != pairs.crend(); ++it)
            if (it->first.compare(n, cs) == 0)
                return it->second;
        return std::nullopt;
    };
    if (auto v = last(m_path, name, Qt::CaseSensitive))
        return VtlValue::fromString(*v);
    if (auto v = last(m_query, name, Qt::CaseSensitive))
        return VtlValue::fromString(*v);
    if (auto v = last(m_headers, name, Qt::CaseInsensitive))
        return VtlValue::fromString(*v);
    return VtlValue::fromString(QString());
}

VtlValue VtlInput::call(const QString &name, const QList<VtlValue> &args, bool *found)
{
    *found = true;
    if (name == QLatin1String("params")) {
        if (args.isEmpty())
            return params();
        return param(args[0].toString());
    }
    if (name == QLatin1String("json") && args.size() == 1) {
        const VtlValue v = evaluateJsonPath(root(), args[0].toString());
        // A path that matches nothing gives an empty JSON string (reference §4.3).
        return VtlValue::fromString(v.isNull() && !root().isNull() ? QStringLiteral("\"\"") : v.toJsonText());
    }
    if (name == QLatin1String("path") && args.size() == 1)
        return evaluateJsonPath(root(), args[0].toString());
    if (name == QLatin1String("getBody"))
        return VtlValue::fromString(body());
    *found = false;
    return {};
}

} // namespace gw::transform
