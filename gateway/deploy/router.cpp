#include "router.h"

#include <QVarLengthArray>

#include <vector>

namespace gw::deploy {

struct Router::Node
{
    // A few children per node: a linear scan compares views and allocates nothing.
    std::vector<std::pair<QString, std::unique_ptr<Node>>> statics;
    Node *findStatic(QStringView segment) const
    {
        for (const auto &child : statics)
            if (child.first == segment)
                return child.second.get();
        return nullptr;
    }
    std::unique_ptr<Node> variable;
    QString variableName;
    std::unique_ptr<Node> greedy;
    QString greedyName;
    const CompiledResource *resource = nullptr;
};

Router::Router() : m_root(std::make_unique<Node>()) {}
Router::~Router() = default;
Router::Router(Router &&) noexcept = default;
Router &Router::operator=(Router &&) noexcept = default;

void Router::add(const QString &templatePath, const CompiledResource *resource)
{
    Node *node = m_root.get();
    const QStringList segments = templatePath.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    for (const QString &s : segments) {
        if (s.startsWith(QLatin1Char('{')) && s.endsWith(QLatin1String("+}"))) {
            if (!node->greedy)
                node->greedy = std::make_unique<Node>();
            node->greedyName = s.mid(1, s.size() - 3);
            node = node->greedy.get();
        } else if (s.startsWith(QLatin1Char('{')) && s.endsWith(QLatin1Char('}'))) {
            if (!node->variable)
                node->variable = std::make_unique<Node>();
            node->variableName = s.mid(1, s.size() - 2);
            node = node->variable.get();
        } else {
            Node *child = node->findStatic(s);
            if (!child) {
                node->statics.emplace_back(s, std::make_unique<Node>());
                child = node->statics.back().second.get();
            }
            node = child;
        }
    }
    node->resource = resource;
}

namespace {

struct Segment
{
    QStringView text;
    qsizetype start; // offset in the path, for greedy matches that keep '//' inside
};

// On the stack for the paths APIs have: no allocation per request.
using Segments = QVarLengthArray<Segment, 16>;

} // namespace

static bool matchFrom(const auto *node, const Segments &segments, qsizetype index,
                      const QString &path, Router::Match &out)
{
    if (index == segments.size()) {
        if (!node->resource)
            return false;
        out.resource = node->resource;
        return true;
    }
    const QStringView seg = segments[index].text;
    if (!seg.isEmpty()) {
        if (const auto *child = node->findStatic(seg); child && matchFrom(child, segments, index + 1, path, out))
            return true;
        if (node->variable) {
            out.pathParameters.append({node->variableName, seg.toString()});
            if (matchFrom(node->variable.get(), segments, index + 1, path, out))
                return true;
            out.pathParameters.removeLast();
        }
    }
    if (node->greedy && node->greedy->resource) {
        QString rest = path.mid(segments[index].start);
        if (rest.endsWith(QLatin1Char('/')))
            rest.chop(1);
        if (!rest.isEmpty()) {
            out.pathParameters.append({node->greedyName, rest});
            out.resource = node->greedy->resource;
            return true;
        }
    }
    return false;
}

std::optional<Router::Match> Router::match(const QString &path) const
{
    Segments segments;
    qsizetype i = path.startsWith(QLatin1Char('/')) ? 1 : 0;
    // A trailing slash is ignored for matching (/pets/ ≡ /pets).
    qsizetype end = path.size();
    if (end > i && path.endsWith(QLatin1Char('/')))
        --end;
    while (i < end) {
        qsizetype slash = path.indexOf(QLatin1Char('/'), i);
        if (slash < 0 || slash > end)
            slash = end;
        segments.append({QStringView(path).mid(i, slash - i), i});
        i = slash + 1;
    }
    Match m;
    if (matchFrom(m_root.get(), segments, 0, path, m))
        return m;
    return std::nullopt;
}

} // namespace gw::deploy
