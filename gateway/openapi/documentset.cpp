#include "documentset.h"

#include "yamljson.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QSet>
#include <QUrl>

namespace gw::openapi {

DocumentSet::DocumentSet(const QString &rootFile, const QJsonValue &root)
    : m_rootFile(rootFile.isEmpty() ? QString() : QFileInfo(rootFile).absoluteFilePath())
{
    m_files.insert(m_rootFile, root);
}

QString DocumentSet::pointerFor(const QString &parent, const QString &key)
{
    QString escaped = key;
    escaped.replace(QLatin1Char('~'), QLatin1String("~0")).replace(QLatin1Char('/'), QLatin1String("~1"));
    return parent + QLatin1Char('/') + escaped;
}

std::optional<Location> DocumentSet::locate(const QString &ref, const Location &from, QString *error)
{
    const qsizetype hash = ref.indexOf(QLatin1Char('#'));
    const QString filePart = hash < 0 ? ref : ref.left(hash);
    Location target;
    target.pointer = hash < 0 ? QString() : QUrl::fromPercentEncoding(ref.mid(hash + 1).toUtf8());
    if (!target.pointer.isEmpty() && !target.pointer.startsWith(QLatin1Char('/'))) {
        *error = QStringLiteral("$ref '%1': the fragment must be a JSON pointer starting with '/'").arg(ref);
        return std::nullopt;
    }
    if (filePart.isEmpty()) {
        target.file = from.file;
        return target;
    }
    if (filePart.contains(QLatin1String("://"))) {
        *error = QStringLiteral("$ref '%1': only local references and relative files are supported, not URLs").arg(ref);
        return std::nullopt;
    }
    const QString baseDir = from.file.isEmpty() ? QDir::currentPath() : QFileInfo(from.file).absolutePath();
    target.file = QFileInfo(QDir(baseDir), filePart).absoluteFilePath();
    if (!m_files.contains(target.file)) {
        QFile f(target.file);
        if (!f.open(QIODevice::ReadOnly)) {
            *error = QStringLiteral("$ref '%1': cannot read %2: %3").arg(ref, target.file, f.errorString());
            return std::nullopt;
        }
        SyntaxError syntax;
        const auto parsed = parseJsonOrYaml(f.readAll(), &syntax);
        if (!parsed) {
            *error = QStringLiteral("$ref '%1': %2:%3:%4: %5").arg(ref, target.file).arg(syntax.line).arg(syntax.column).arg(syntax.message);
            return std::nullopt;
        }
        m_files.insert(target.file, *parsed);
    }
    return target;
}

std::optional<QJsonValue> DocumentSet::value(const Location &location, QString *error) const
{
    const auto file = m_files.constFind(location.file);
    if (file == m_files.constEnd()) {
        *error = QStringLiteral("document %1 is not loaded").arg(location.file);
        return std::nullopt;
    }
    QJsonValue v = *file;
    if (location.pointer.isEmpty())
        return v;
    const QStringList tokens = location.pointer.mid(1).split(QLatin1Char('/'));
    for (QString token : tokens) {
        token.replace(QLatin1String("~1"), QLatin1String("/")).replace(QLatin1String("~0"), QLatin1String("~"));
        if (v.isObject() && v.toObject().contains(token)) {
            v = v.toObject().value(token);
        } else if (v.isArray()) {
            bool ok = false;
            const int index = token.toInt(&ok);
            if (!ok || index < 0 || index >= v.toArray().size()) {
                *error = QStringLiteral("#%1 does not exist (no element '%2')").arg(location.pointer, token);
                return std::nullopt;
            }
            v = v.toArray().at(index);
        } else {
            *error = QStringLiteral("#%1 does not exist (no '%2')").arg(location.pointer, token);
            return std::nullopt;
        }
    }
    return v;
}

std::optional<QJsonValue> DocumentSet::follow(QJsonValue value, Location &at, QString *error)
{
    QSet<Location> seen;
    while (value.isObject() && value.toObject().contains(QLatin1String("$ref"))) {
        const QJsonValue ref = value.toObject().value(QLatin1String("$ref"));
        if (!ref.isString()) {
            *error = QStringLiteral("$ref must be a string");
            return std::nullopt;
        }
        const auto target = locate(ref.toString(), at, error);
        if (!target)
            return std::nullopt;
        if (seen.contains(*target)) {
            *error = QStringLiteral("$ref '%1' refers to itself in a loop").arg(ref.toString());
            return std::nullopt;
        }
        seen.insert(*target);
        const auto next = this->value(*target, error);
        if (!next) {
            *error = QStringLiteral("$ref '%1': %2").arg(ref.toString(), *error);
            return std::nullopt;
        }
        value = *next;
        at = *target;
    }
    return value;
}

} // namespace gw::openapi
