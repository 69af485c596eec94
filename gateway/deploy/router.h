#pragma once

#include <QList>
#include <QPair>
#include <QString>

#include <memory>
#include <optional>

namespace gw::deploy {

struct CompiledResource;

// The resource tree of one deployment, matched with API Gateway's precedence: a static segment
// beats {param}, which beats {greedy+}; when a branch fails deeper down, the next kind is tried
// (as LocalStack does; AWS leaves backtracking unspecified). Built once at deploy time; read-only
// and so safe to share across threads afterwards.
class Router
{
public:
    Router();
    ~Router();
    Router(Router &&) noexcept;
    Router &operator=(Router &&) noexcept;

    void add(const QString &templatePath, const CompiledResource *resource);

    struct Match
    {
        const CompiledResource *resource = nullptr;
        QList<QPair<QString, QString>> pathParameters; // raw (still percent-encoded), as AWS passes them
    };
    // `path` is the request path below the stage, percent-encoded, starting with '/'.
    std::optional<Match> match(const QString &path) const;

private:
    struct Node;
    std::unique_ptr<Node> m_root;
};

} // namespace gw::deploy
