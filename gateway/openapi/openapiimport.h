#pragma once

#include "gateway/model/diagnostic.h"
#include "gateway/model/project.h"

#include <QJsonObject>

#include <optional>

namespace gw::openapi {

struct ImportOptions
{
    QString apiId;                         // empty: a new random id
    // The kind of API to create, as the user chose it; empty: REST (AWS imports a document as the
    // kind of API it is imported into, never guessing from the document).
    std::optional<model::ApiType> type;
    // REST methods without x-amazon-apigateway-integration get a MOCK integration answering 200
    // (with a warning), so the imported API can be served and passes check().
    bool mockMissingIntegrations = true;
};

struct ImportResult
{
    bool ok = false;                       // false: at least one Error diagnostic
    model::Api api;
    // Root-level API Gateway data the model has no field for (documentation, minimum compression
    // size, endpoint configuration, tags, ...): kept verbatim and written back on export.
    QJsonObject keptExtensions;
    // Paths are JSON paths into the document ("paths[\"/pets\"].get.responses.200"), or
    // "LINE:COLUMN" for syntax errors; toString(fileName) gives "file:path: message".
    model::Diagnostics diagnostics;
    // What shows the document was written for an HTTP API (x-amazon-apigateway-cors, an
    // integration's payloadFormatVersion 2.0, ...), with its JSON path; empty when nothing does.
    QString httpApiSign;
};

// One call for the designer's File → Import and the CLI: reads OpenAPI 3.0.x or Swagger 2.0,
// JSON or YAML; relative $refs are read from the file's directory. Pure function of its input
// files; safe to run on a worker thread.
ImportResult importOpenApiFile(const QString &fileName, const ImportOptions &options = {});
ImportResult importOpenApi(const QByteArray &bytes, const QString &fileName, const ImportOptions &options = {});

// What to tell a user who did not choose the type of a document that looks like an HTTP API
// (empty when httpApiSign is): the CLI prints it, the import dialog shows it.
QString typeHint(const QString &httpApiSign);
// The httpApiSign of a file, reading no more than that needs (empty when it cannot be read).
QString httpApiSignOfFile(const QString &fileName);

// Adds the imported API to the project (a fresh id if it clashes) and stores keptExtensions
// under project.extensions["openapi"][apiId]. Returns the API's id.
QString addToProject(model::Project &project, const ImportResult &result);

// What addToProject stored for an API (empty if nothing).
QJsonObject keptExtensions(const model::Project &project, const QString &apiId);

} // namespace gw::openapi
