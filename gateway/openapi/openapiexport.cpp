#include "openapiexport.h"

#include "exportcontext.h"
#include "extensionwriter.h"
#include "openapiimport.h"
#include "operationwriter.h"
#include "yamljson.h"

#include "gateway/core/jsonutil.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace gw::openapi {

namespace {

ExportResult failed(const QString &path, const QString &message)
{
    ExportResult r;
    r.diagnostics.append({model::Diagnostic::Severity::Error, path, message});
    return r;
}

// Where the stage is served: the emulator's host for the API, as AWS's
// {apiId}.execute-api.{region}.amazonaws.com.
QString hostFor(const model::Project &project, const model::Api &api)
{
    return QStringLiteral("%1.execute-api.localhost:%2").arg(api.id).arg(project.server.port);
}

} // namespace

ExportResult exportOpenApi(const model::Project &project, const ExportOptions &options)
{
    const model::Api *api = nullptr;
    if (options.apiId.isEmpty()) {
        if (project.apis.size() != 1)
            return failed(QStringLiteral("apis"), QStringLiteral("the project has %1 APIs; say which one to export").arg(project.apis.size()));
        api = &project.apis.first();
    } else {
        api = project.api(options.apiId);
        if (!api) // a name is as good as an id for a person typing it
            for (const auto &a : project.apis)
                if (a.name == options.apiId)
                    api = &a;
        if (!api)
            return failed(QStringLiteral("apis"), QStringLiteral("no API with the id or name '%1'").arg(options.apiId));
    }
    if (api->type == model::ApiType::WebSocket)
        return failed(QStringLiteral("apis"), QStringLiteral("WebSocket APIs have no OpenAPI form"));
    if (api->type == model::ApiType::Http && options.format != ExportFormat::OpenApi30)
        return failed(QStringLiteral("apis"), QStringLiteral("HTTP APIs export to OpenAPI 3.0 only (the apigatewayv2 import format)"));

    const model::ApiDefinition *def = &api->design;
    const model::Stage *stage = nullptr;
    QString version = api->version;
    if (!options.stage.isEmpty()) {
        stage = api->stage(options.stage);
        if (!stage)
            return failed(QStringLiteral("stages"), QStringLiteral("API %1 has no stage '%2'").arg(api->name, options.stage));
        const model::Deployment *d = api->deployment(stage->deploymentId);
        if (!d)
            return failed(QStringLiteral("stages"), QStringLiteral("stage %1 has no deployment; deploy it first").arg(options.stage));
        def = &d->api;
        if (version.isEmpty()) // AWS writes the deployment's date when the API has no version
            version = d->createdDate.toString(Qt::ISODate);
    }
    ExportContext c{*api, *def, options, {}, {}};
    if (stage && options.substituteStageVariables)
        c.stageVariables = stage->variables;

    QJsonObject root;
    QJsonObject info{{QStringLiteral("title"), api->name}, {QStringLiteral("version"), version.isEmpty() ? QStringLiteral("1.0") : version}};
    if (!api->description.isEmpty())
        info.insert(QLatin1String("description"), api->description);
    root.insert(QLatin1String("info"), info);
    const QString host = hostFor(project, *api);
    const QString stageName = stage ? stage->name : QString();
    const QJsonObject kept = keptExtensions(project, api->id);
    if (c.v3()) {
        root.insert(QLatin1String("openapi"), QStringLiteral("3.0.1"));
        const QString url = QStringLiteral("http://") + host + QStringLiteral("/{basePath}");
        QJsonObject server{{QStringLiteral("url"), url},
                           {QStringLiteral("variables"), QJsonObject{{QStringLiteral("basePath"),
                                                                      QJsonObject{{QStringLiteral("default"), stageName}}}}}};
        const QLatin1String endpoint("x-amazon-apigateway-endpoint-configuration");
        if (options.extensions && kept.contains(endpoint))
            server.insert(endpoint, kept.value(endpoint));
        root.insert(QLatin1String("servers"), QJsonArray{server});
    } else {
        root.insert(QLatin1String("swagger"), QStringLiteral("2.0"));
        root.insert(QLatin1String("host"), host);
        root.insert(QLatin1String("basePath"), QString(QLatin1Char('/') + stageName));
        root.insert(QLatin1String("schemes"), QJsonArray{QStringLiteral("http")});
    }
    OperationWriter operations(c);
    root.insert(QLatin1String("paths"), operations.paths());
    const QJsonObject schemas = extensions::writeSchemas(c);
    const QJsonObject security = extensions::writeSecuritySchemes(c, operations.apiKeyUsed(), operations.iamUsed());
    if (c.v3()) {
        QJsonObject components;
        if (!schemas.isEmpty())
            components.insert(QLatin1String("schemas"), schemas);
        if (!security.isEmpty())
            components.insert(QLatin1String("securitySchemes"), security);
        if (!components.isEmpty())
            root.insert(QLatin1String("components"), components);
    } else {
        if (!schemas.isEmpty())
            root.insert(QLatin1String("definitions"), schemas);
        if (!security.isEmpty())
            root.insert(QLatin1String("securityDefinitions"), security);
    }
    if (options.extensions)
        extensions::writeRoot(c, root, kept);

    ExportResult r;
    r.json = root;
    r.document = options.yaml ? toYaml(root) : QJsonDocument(root).toJson(QJsonDocument::Indented);
    r.diagnostics = c.diagnostics;
    r.ok = true;
    return r;
}

} // namespace gw::openapi
