#include "jsonutil.h"

#include <QJsonArray>

namespace gw {

QByteArray toPrettyJson(const QJsonObject &object)
{
    QByteArray out = QJsonDocument(object).toJson(QJsonDocument::Indented);
    // Qt indents with 4 spaces; halve leading indentation for compact, conventional files.
    QByteArray result;
    result.reserve(out.size());
    for (const QByteArray &line : out.split('\n')) {
        qsizetype spaces = 0;
        while (spaces < line.size() && line[spaces] == ' ')
            ++spaces;
        result.append(QByteArray(spaces / 2, ' '));
        result.append(line.constData() + spaces, line.size() - spaces);
        result.append('\n');
    }
    while (result.endsWith("\n\n"))
        result.chop(1);
    return result;
}

QByteArray toCompactJson(const QJsonValue &value)
{
    if (value.isObject())
        return QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
    if (value.isArray())
        return QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact);
    // Wrap scalars in an array and strip the brackets: QJsonDocument only holds containers.
    QByteArray wrapped = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return wrapped.mid(1, wrapped.size() - 2);
}

QString javaMapString(const QList<QPair<QString, QString>> &entries)
{
    QString out = QStringLiteral("{");
    for (qsizetype i = 0; i < entries.size(); ++i) {
        if (i)
            out += QStringLiteral(", ");
        out += entries[i].first + QLatin1Char('=') + entries[i].second;
    }
    out += QLatin1Char('}');
    return out;
}

} // namespace gw
