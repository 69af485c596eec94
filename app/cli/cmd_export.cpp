#include "command.h"
#include "projectloader.h"

#include "gateway/openapi/openapiexport.h"

#include <QSaveFile>

namespace gw::cli {

static int runExport(const QStringList &arguments)
{
    QStringList args = arguments;
    openapi::ExportOptions options;
    options.apiId = takeOption(args, QStringLiteral("--api"));
    options.stage = takeOption(args, QStringLiteral("--stage"));
    const QString format = takeOption(args, QStringLiteral("--format"), QStringLiteral("oas30"));
    const QString output = takeOption(args, QStringLiteral("-o"));
    options.yaml = takeFlag(args, QStringLiteral("--yaml"));
    const bool json = takeFlag(args, QStringLiteral("--json"));
    options.extensions = takeFlag(args, QStringLiteral("--extensions"));
    options.substituteStageVariables = !takeFlag(args, QStringLiteral("--keep-stage-variables"));
    if (args.size() != 1 || (options.yaml && json)
        || (format != QLatin1String("oas30") && format != QLatin1String("swagger20"))) {
        err() << "usage: gatewright-cli export PROJECT [--api ID] [--stage S] --format oas30|swagger20 "
                 "[--yaml|--json] [--extensions] [--keep-stage-variables] [-o FILE]\n";
        return 2;
    }
    options.format = format == QLatin1String("swagger20") ? openapi::ExportFormat::Swagger20 : openapi::ExportFormat::OpenApi30;
    const QString file = args.first();
    const auto project = loadProjectOrReport(file);
    if (!project)
        return 1;
    const openapi::ExportResult result = openapi::exportOpenApi(*project, options);
    for (const auto &d : result.diagnostics)
        err() << d.toString(file) << '\n';
    if (!result.ok)
        return 1;
    if (output.isEmpty()) {
        out() << QString::fromUtf8(result.document);
        return 0;
    }
    QSaveFile f(output);
    if (!f.open(QIODevice::WriteOnly) || f.write(result.document) != result.document.size() || !f.commit()) {
        err() << output << ": " << f.errorString() << '\n';
        return 1;
    }
    return 0;
}

static CommandRegistration registration({"export", "export PROJECT [--api ID] [--stage S] --format oas30|swagger20 [--yaml] [--extensions] [-o FILE]", &runExport});

} // namespace gw::cli
