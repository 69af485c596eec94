#include "projectfile.h"

#include "projectjson.h"

#include "gateway/core/jsonutil.h"

#include <QFile>
#include <QJsonParseError>
#include <QSaveFile>

namespace gw::model {

namespace {

// Line and column (1-based) of a byte offset, for parse errors a person can find.
QString lineColumn(const QByteArray &bytes, qsizetype offset)
{
    int line = 1;
    int column = 1;
    for (qsizetype i = 0; i < offset && i < bytes.size(); ++i) {
        if (bytes[i] == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
    }
    return QStringLiteral("line %1, column %2").arg(line).arg(column);
}

// Version 0: pre-release drafts without "schemaVersion", which kept the listening port at the
// top level ("port": N) instead of in "server".
QJsonObject migrate0to1(QJsonObject json)
{
    if (json.contains(QLatin1String("port"))) {
        QJsonObject server = json.value(QLatin1String("server")).toObject();
        server.insert(QLatin1String("port"), json.take(QLatin1String("port")));
        json.insert(QLatin1String("server"), server);
    }
    return json;
}

} // namespace

QJsonObject migrateProject(QJsonObject json, int fromVersion)
{
    using Step = QJsonObject (*)(QJsonObject);
    static const Step steps[] = {migrate0to1};
    for (int v = fromVersion; v < Project::kSchemaVersion; ++v)
        json = steps[v](std::move(json));
    json.insert(QLatin1String("schemaVersion"), Project::kSchemaVersion);
    return json;
}

LoadResult parseProject(const QByteArray &bytes)
{
    LoadResult result;
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        result.diagnostics.append({Diagnostic::Severity::Error, QString(),
                                   QStringLiteral("not a valid project file: %1 at %2")
                                       .arg(parseError.errorString(), lineColumn(bytes, parseError.offset))});
        return result;
    }
    if (!doc.isObject()) {
        result.diagnostics.append({Diagnostic::Severity::Error, QString(),
                                   QStringLiteral("not a valid project file: the top level must be a JSON object")});
        return result;
    }
    QJsonObject json = doc.object();
    const QJsonValue version = json.value(QLatin1String("schemaVersion"));
    int fileVersion = 0;
    if (!version.isUndefined()) {
        if (!version.isDouble() || version.toDouble() != double(version.toInt()) || version.toInt() < 1) {
            result.diagnostics.append({Diagnostic::Severity::Error, QStringLiteral("schemaVersion"),
                                       QStringLiteral("expected a positive integer")});
            return result;
        }
        fileVersion = version.toInt();
    }
    if (fileVersion > Project::kSchemaVersion) {
        result.diagnostics.append({Diagnostic::Severity::Error, QStringLiteral("schemaVersion"),
                                   QStringLiteral("the file was written by a newer Gatewright (schema version %1; "
                                                  "this version reads up to %2); update Gatewright to open it")
                                       .arg(fileVersion)
                                       .arg(Project::kSchemaVersion)});
        return result;
    }
    if (fileVersion < Project::kSchemaVersion) {
        json = migrateProject(json, fileVersion);
        result.migratedFrom = fileVersion;
    }
    result.project = projectFromJson(json, &result.diagnostics);
    result.ok = !hasErrors(result.diagnostics);
    return result;
}

LoadResult loadProject(const QString &fileName)
{
    QFile file(fileName);
    if (!file.open(QIODevice::ReadOnly)) {
        LoadResult result;
        result.diagnostics.append({Diagnostic::Severity::Error, QString(),
                                   QStringLiteral("cannot read the file: %1").arg(file.errorString())});
        return result;
    }
    return parseProject(file.readAll());
}

QByteArray serializeProject(const Project &project)
{
    return gw::toPrettyJson(toJson(project));
}

bool saveProject(const Project &project, const QString &fileName, QString *error)
{
    QSaveFile file(fileName);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = QStringLiteral("%1: cannot write: %2").arg(fileName, file.errorString());
        return false;
    }
    const QByteArray bytes = serializeProject(project);
    if (file.write(bytes) != bytes.size() || !file.commit()) {
        if (error)
            *error = QStringLiteral("%1: cannot write: %2").arg(fileName, file.errorString());
        file.cancelWriting();
        return false;
    }
    return true;
}

} // namespace gw::model
