#pragma once

#include "gateway/model/diagnostic.h"
#include "gateway/model/project.h"

#include <QByteArray>
#include <QJsonObject>

namespace gw::openapi {

enum class ExportFormat { OpenApi30, Swagger20 };

struct ExportOptions
{
    QString apiId;                 // empty: the project's only API
    QString stage;                 // empty: the current design; else the stage's deployment
    ExportFormat format = ExportFormat::OpenApi30;
    bool yaml = false;
    // Like AWS's get-export extensions=integrations,authorizers,apigateway: every
    // x-amazon-apigateway-* key. Without it the document is plain OpenAPI.
    bool extensions = false;
    // A stage export fills ${stageVariables.x} in integration URIs, credentials and authorizer
    // URIs with the stage's values; mapping templates keep their references.
    bool substituteStageVariables = true;
};

struct ExportResult
{
    bool ok = false;
    QJsonObject json;
    QByteArray document;           // JSON (pretty) or YAML text
    model::Diagnostics diagnostics; // warnings about what OpenAPI cannot hold; errors if !ok
};

// One call for the designer's Export dialog and the CLI. Pure; safe on any thread.
// REST APIs export to OpenAPI 3.0.1 or Swagger 2.0 (AWS's get-export shape, with the stage's
// base URL: host/basePath, or servers[].url with a basePath variable); HTTP APIs to OpenAPI
// 3.0.1 in the apigatewayv2 import format.
ExportResult exportOpenApi(const model::Project &project, const ExportOptions &options);

} // namespace gw::openapi
