#pragma once

#include "openapiexport.h"

#include <QJsonObject>

namespace gw::openapi {

// What the writers of one export share.
struct ExportContext
{
    const model::Api &api;
    const model::ApiDefinition &def;
    const ExportOptions &options;
    QMap<QString, QString> stageVariables;      // filled into URIs when exporting a stage
    model::Diagnostics diagnostics;

    bool v3() const { return options.format == ExportFormat::OpenApi30; }
    bool http() const { return api.type == model::ApiType::Http; }
    QString schemaRef(const QString &model) const;
    QString fill(const QString &text) const;   // ${stageVariables.x} → value
    void warn(const QString &path, const QString &message);
};

} // namespace gw::openapi
