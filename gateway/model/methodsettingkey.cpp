#include "methodsettingkey.h"

namespace gw::model {

std::optional<MethodSettingKey> parseMethodSettingKey(const QString &key, QString *why)
{
    MethodSettingKey k;
    QString res;
    if (const qsizetype space = key.indexOf(QLatin1Char(' ')); space > 0) { // HTTP API route key "GET /pets"
        k.verb = key.left(space).toUpper();
        res = key.mid(space + 1);
    } else if (const qsizetype slash = key.lastIndexOf(QLatin1Char('/')); slash >= 0) {
        k.verb = key.mid(slash + 1).toUpper();
        res = key.left(slash);
    }
    static const QStringList verbs = {QStringLiteral("*"), QStringLiteral("GET"), QStringLiteral("POST"), QStringLiteral("PUT"),
                                      QStringLiteral("DELETE"), QStringLiteral("PATCH"), QStringLiteral("HEAD"),
                                      QStringLiteral("OPTIONS"), QStringLiteral("ANY")};
    if (!verbs.contains(k.verb)) {
        if (why)
            *why = QStringLiteral("method setting key '%1' must be {resourcePath}/{HTTP method}, with '~1' for '/' inside "
                                  "the path and '*' as wildcard, e.g. '*/*' or 'pets~1{id}/GET'").arg(key);
        return std::nullopt;
    }
    res.replace(QLatin1String("~1"), QLatin1String("/"));
    if (res != QLatin1String("*") && !res.startsWith(QLatin1Char('/')))
        res.prepend(QLatin1Char('/'));
    while (res.startsWith(QLatin1String("//")))
        res.remove(0, 1);
    if (res.size() > 1 && res.endsWith(QLatin1Char('/')))
        res.chop(1);
    k.resource = res;
    return k;
}

QString methodSettingKeyFor(const QString &resourcePath, const QString &verb)
{
    QString res = resourcePath == QLatin1String("/") ? resourcePath : resourcePath.mid(resourcePath.startsWith(QLatin1Char('/')) ? 1 : 0);
    res.replace(QLatin1String("/"), QLatin1String("~1"));
    return res + QLatin1Char('/') + verb.toUpper();
}

QStringList cacheClusterSizes()
{
    return {QStringLiteral("0.5"), QStringLiteral("1.6"), QStringLiteral("6.1"), QStringLiteral("13.5"),
            QStringLiteral("28.4"), QStringLiteral("58.2"), QStringLiteral("118"), QStringLiteral("237")};
}

} // namespace gw::model
