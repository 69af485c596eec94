#include "jsonpath.h"

#include "vtlrenderscope.h"

#include <algorithm>
#include <optional>
#include <vector>

namespace gw::transform {

namespace {

struct Step
{
    enum class Kind { Name, Index, Wildcard, Slice, DeepName, DeepWildcard } kind = Kind::Name;
    QStringList names;    // Name / DeepName (a union when more than one)
    QList<qint64> indexes; // Index (a union when more than one)
    std::optional<qint64> from, to; // Slice
};

bool parsePath(const QString &path, QList<Step> *steps, bool *definite)
{
    QString p = path.trimmed();
    if (p.startsWith(QLatin1Char('$')))
        p.remove(0, 1);
    else if (!p.isEmpty() && !p.startsWith(QLatin1Char('.')) && !p.startsWith(QLatin1Char('[')))
        p.prepend(QLatin1Char('.'));
    *definite = true;
    qsizetype i = 0;
    const auto name = [&] {
        const qsizetype start = i;
        while (i < p.size() && p[i] != QLatin1Char('.') && p[i] != QLatin1Char('['))
            ++i;
        return p.mid(start, i - start);
    };
    while (i < p.size()) {
        Step s;
        if (p[i] == QLatin1Char('.')) {
            const bool deep = i + 1 < p.size() && p[i + 1] == QLatin1Char('.');
            i += deep ? 2 : 1;
            if (deep && i < p.size() && p[i] == QLatin1Char('[')) {
                // $..['a'] / $..[0]: a deep scan followed by a bracket step
                s.kind = Step::Kind::DeepWildcard;
                steps->append(s);
                *definite = false;
                continue;
            }
            const QString n = name();
            if (n.isEmpty())
                return false;
            if (deep)
                *definite = false;
            if (n == QLatin1String("*")) {
                s.kind = deep ? Step::Kind::DeepWildcard : Step::Kind::Wildcard;
                *definite = false;
            } else {
                s.kind = deep ? Step::Kind::DeepName : Step::Kind::Name;
                s.names.append(n);
            }
            steps->append(s);
            continue;
        }
        if (p[i] != QLatin1Char('['))
            return false;
        const qsizetype close = p.indexOf(QLatin1Char(']'), i);
        if (close < 0)
            return false;
        const QString inner = p.mid(i + 1, close - i - 1).trimmed();
        i = close + 1;
        if (inner == QLatin1String("*")) {
            s.kind = Step::Kind::Wildcard;
            *definite = false;
        } else if (inner.startsWith(QLatin1Char('\'')) || inner.startsWith(QLatin1Char('"'))) {
            s.kind = Step::Kind::Name;
            for (QString part : inner.split(QLatin1Char(','))) {
                part = part.trimmed();
                if (part.size() < 2 || (part.front() != QLatin1Char('\'') && part.front() != QLatin1Char('"')) || part.back() != part.front())
                    return false;
                s.names.append(part.mid(1, part.size() - 2));
            }
            if (s.names.size() > 1)
                *definite = false;
        } else if (inner.contains(QLatin1Char(':'))) {
            s.kind = Step::Kind::Slice;
            const QString a = inner.section(QLatin1Char(':'), 0, 0).trimmed();
            const QString b = inner.section(QLatin1Char(':'), 1, 1).trimmed();
            bool ok = true;
            if (!a.isEmpty())
                s.from = a.toLongLong(&ok);
            if (ok && !b.isEmpty())
                s.to = b.toLongLong(&ok);
            if (!ok)
                return false;
            *definite = false;
        } else {
            s.kind = Step::Kind::Index;
            for (const QString &part : inner.split(QLatin1Char(','))) {
                bool ok = false;
                s.indexes.append(part.trimmed().toLongLong(&ok));
                if (!ok)
                    return false; // filters and scripts are not supported
            }
            if (s.indexes.size() > 1)
                *definite = false;
        }
        steps->append(s);
    }
    return true;
}

// A template can make the document hold itself ($input.path('$').add($input.path('$'))), or
// hold one part many times: the scan skips a value already on its path (Jayway would overflow
// its stack) and stops, as a render fault, past a two million values.
void collectDeep(const VtlValue &v, QList<VtlValue> &out, std::vector<const void *> &path)
{
    if (path.size() > 256)
        return;
    if (v.isShared() && std::find(path.begin(), path.end(), v.identity()) != path.end())
        return;
    constexpr qsizetype kMaxValues = 2'000'000; // a 10 MB document holds about a million
    if (out.size() >= kMaxValues) {
        VtlRenderScope::fault(QStringLiteral("a JSONPath deep scan ('..') reaches more than %1 values").arg(kMaxValues));
        return;
    }
    out.append(v);
    const QList<VtlValue> children = v.type() == VtlValue::Type::Map    ? v.map()->values()
                                     : v.type() == VtlValue::Type::List ? v.list()->items
                                                                        : QList<VtlValue>();
    if (children.isEmpty())
        return;
    path.push_back(v.identity());
    for (const VtlValue &item : children)
        collectDeep(item, out, path);
    path.pop_back();
}

void collectDeep(const VtlValue &v, QList<VtlValue> &out)
{
    std::vector<const void *> path;
    collectDeep(v, out, path);
}

void apply(const Step &s, const VtlValue &v, QList<VtlValue> &out)
{
    using T = VtlValue::Type;
    switch (s.kind) {
    case Step::Kind::Name:
        if (v.type() == T::Map)
            for (const QString &n : s.names)
                if (v.map()->contains(n))
                    out.append(v.map()->value(n));
        break;
    case Step::Kind::Index:
        if (v.type() == T::List) {
            const auto &items = v.list()->items;
            for (qint64 i : s.indexes) {
                if (i < 0)
                    i += items.size();
                if (i >= 0 && i < items.size())
                    out.append(items[i]);
            }
        }
        break;
    case Step::Kind::Wildcard:
        if (v.type() == T::List)
            out.append(v.list()->items);
        else if (v.type() == T::Map)
            out.append(v.map()->values());
        break;
    case Step::Kind::Slice:
        if (v.type() == T::List) {
            const auto &items = v.list()->items;
            const qint64 n = items.size();
            qint64 a = s.from.value_or(0), b = s.to.value_or(n);
            if (a < 0) a = std::max<qint64>(0, a + n);
            if (b < 0) b = std::max<qint64>(0, b + n);
            for (qint64 i = a; i < std::min(b, n); ++i)
                out.append(items[i]);
        }
        break;
    case Step::Kind::DeepName: {
        QList<VtlValue> all;
        collectDeep(v, all);
        Step name{Step::Kind::Name, s.names, {}, {}, {}};
        for (const VtlValue &node : all)
            apply(name, node, out);
        break;
    }
    case Step::Kind::DeepWildcard:
        collectDeep(v, out);
        break;
    }
}

} // namespace

VtlValue evaluateJsonPath(const VtlValue &root, const QString &path, bool *ok)
{
    QList<Step> steps;
    bool definite = true;
    const bool parsed = parsePath(path, &steps, &definite);
    if (ok)
        *ok = parsed;
    if (!parsed)
        return {};
    QList<VtlValue> current{root};
    for (const Step &s : steps) {
        QList<VtlValue> next;
        for (const VtlValue &v : current)
            apply(s, v, next);
        current = std::move(next);
    }
    if (definite)
        return current.isEmpty() ? VtlValue() : current.first();
    VtlValue list = VtlValue::newList(true);
    list.list()->items = current;
    return list;
}

} // namespace gw::transform
