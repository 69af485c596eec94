#pragma once

#include <QList>
#include <QString>

#include <optional>

namespace gw::auth {

// One identity source of an authorizer: REST writes method.request.header.X,
// method.request.querystring.X, stageVariables.X, context.X; HTTP APIs write $request.header.X,
// $request.querystring.X, $stageVariables.X, $context.X. Header names compare case-insensitively.
struct IdentitySource
{
    enum class Kind { Header, QueryString, StageVariable, Context };
    Kind kind = Kind::Header;
    QString name;
    QString text;  // as written, for messages

    // Null when `text` is none of the forms above.
    static std::optional<IdentitySource> parse(const QString &text);
    // A comma-separated list; null with `error` naming the bad entry.
    static std::optional<QList<IdentitySource>> parseList(const QString &list, QString *error);
};

} // namespace gw::auth
