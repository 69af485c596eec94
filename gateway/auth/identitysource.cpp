#include "identitysource.h"

#include <QStringList>

namespace gw::auth {

std::optional<IdentitySource> IdentitySource::parse(const QString &text)
{
    static const struct { const char *prefix; Kind kind; } forms[] = {
        {"method.request.header.", Kind::Header},       {"$request.header.", Kind::Header},
        {"method.request.querystring.", Kind::QueryString}, {"$request.querystring.", Kind::QueryString},
        {"stageVariables.", Kind::StageVariable},       {"$stageVariables.", Kind::StageVariable},
        {"context.", Kind::Context},                    {"$context.", Kind::Context},
    };
    const QString t = text.trimmed();
    for (const auto &f : forms) {
        const QLatin1String prefix(f.prefix);
        if (t.startsWith(prefix) && t.size() > prefix.size())
            return IdentitySource{f.kind, t.mid(prefix.size()), t};
    }
    return std::nullopt;
}

std::optional<QList<IdentitySource>> IdentitySource::parseList(const QString &list, QString *error)
{
    QList<IdentitySource> out;
    for (const QString &part : list.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        if (part.trimmed().isEmpty())
            continue;
        const auto source = parse(part);
        if (!source) {
            *error = QStringLiteral("'%1' is not an identity source (method.request.header.NAME, method.request.querystring.NAME, "
                                    "stageVariables.NAME or context.NAME)").arg(part.trimmed());
            return std::nullopt;
        }
        out.append(*source);
    }
    return out;
}

} // namespace gw::auth
