#include "urlquery.h"

#include <QUrl>

namespace gw::ui::urlquery {

namespace {

struct Parts
{
    QString base;     // up to '?'
    QString query;    // between '?' and '#'
    QString fragment; // from '#', with it
};

Parts split(const QString &url)
{
    Parts p;
    const qsizetype hash = url.indexOf(QLatin1Char('#'));
    const QString beforeFragment = hash < 0 ? url : url.left(hash);
    p.fragment = hash < 0 ? QString() : url.mid(hash);
    const qsizetype question = beforeFragment.indexOf(QLatin1Char('?'));
    p.base = question < 0 ? beforeFragment : beforeFragment.left(question);
    p.query = question < 0 ? QString() : beforeFragment.mid(question + 1);
    return p;
}

QString decode(QString s)
{
    s.replace(QLatin1Char('+'), QLatin1Char(' '));
    return QUrl::fromPercentEncoding(s.toUtf8());
}

QString encode(const QString &s)
{
    // Keep the characters people write in query values readable; encode what would break it.
    return QString::fromLatin1(QUrl::toPercentEncoding(s, "/:@!$'()*,;{}"));
}

} // namespace

QList<KeyValueRow> parse(const QString &url)
{
    QList<KeyValueRow> rows;
    const QString query = split(url).query;
    for (const QString &pair : query.split(QLatin1Char('&'), Qt::SkipEmptyParts)) {
        const qsizetype eq = pair.indexOf(QLatin1Char('='));
        rows.append({decode(eq < 0 ? pair : pair.left(eq)), eq < 0 ? QString() : decode(pair.mid(eq + 1)), true});
    }
    return rows;
}

QString withQuery(const QString &url, const QList<KeyValueRow> &rows)
{
    const Parts p = split(url);
    QStringList pairs;
    for (const auto &r : rows)
        if (r.enabled && !r.key.isEmpty())
            pairs.append(r.value.isEmpty() ? encode(r.key) : encode(r.key) + QLatin1Char('=') + encode(r.value));
    if (pairs.isEmpty())
        return p.base + p.fragment;
    return p.base + QLatin1Char('?') + pairs.join(QLatin1Char('&')) + p.fragment;
}

QList<KeyValueRow> merge(const QString &url, const QList<KeyValueRow> &oldRows)
{
    QList<KeyValueRow> rows = parse(url);
    for (const auto &r : oldRows)
        if (!r.enabled)
            rows.append(r);
    return rows;
}

} // namespace gw::ui::urlquery
