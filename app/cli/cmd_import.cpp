#include "command.h"
#include "projectcheck.h"
#include "projectloader.h"

#include "gateway/core/jsonutil.h"
#include "gateway/model/projectfile.h"
#include "gateway/openapi/openapiimport.h"

#include <QFile>
#include <QJsonObject>

#include <cstdio>

namespace gw::cli {

static int runImport(const QStringList &arguments)
{
    QStringList args = arguments;
    const QString output = takeOption(args, QStringLiteral("-o"));
    const QString into = takeOption(args, QStringLiteral("--into"));
    const QString type = takeOption(args, QStringLiteral("--type"));
    if (args.size() != 1 || output.isEmpty() == into.isEmpty()) {
        err() << "usage: gatewright-cli import FILE (-o NEW_PROJECT | --into PROJECT) [--type rest|http]\n";
        return 2;
    }
    const QString file = args.first();
    openapi::ImportOptions options;
    if (!type.isEmpty()) {
        const auto t = model::apiTypeFromString(type);
        if (!t || *t == model::ApiType::WebSocket) {
            err() << "--type must be rest or http\n";
            return 2;
        }
        options.type = t;
    }
    model::Project project;
    const QString target = into.isEmpty() ? output : into;
    if (!into.isEmpty()) {
        const auto loaded = loadProjectOrReport(into);
        if (!loaded)
            return 1;
        project = *loaded;
    } else if (QFile::exists(output)) {
        err() << output << ": already exists; use --into to add the API to it\n";
        return 1;
    }
    const openapi::ImportResult result = openapi::importOpenApiFile(file, options);
    for (const auto &d : result.diagnostics)
        err() << d.toString(file) << '\n';
    // REST unless told: a document written for an HTTP API gets a word on how to import it as one.
    if (const QString hint = openapi::typeHint(result.httpApiSign); !options.type && !hint.isEmpty())
        err() << file << ": hint: " << hint << " (--type http)\n";
    if (!result.ok)
        return 1;
    if (project.name.isEmpty())
        project.name = result.api.name;
    const QString apiId = openapi::addToProject(project, result);

    // The project must be one that `check` accepts: it is written beside the target, checked as
    // `check` would check it, and only then takes the target's place.
    const QString staging = target + QStringLiteral(".importing");
    QString error;
    if (!model::saveProject(project, staging, &error)) {
        err() << target << ": " << error << '\n';
        QFile::remove(staging);
        return 1;
    }
    const model::Diagnostics problems = checkProjectFile(staging);
    for (const auto &d : problems)
        if (d.severity == model::Diagnostic::Severity::Error)
            err() << d.toString(target) << '\n';
    if (model::hasErrors(problems)) {
        QFile::remove(staging);
        err() << target << ": not written: the imported API does not pass check\n";
        return 1;
    }
    if (std::rename(QFile::encodeName(staging).constData(), QFile::encodeName(target).constData()) != 0) {
        err() << target << ": cannot replace it with " << staging << '\n';
        QFile::remove(staging);
        return 1;
    }
    qsizetype warnings = 0;
    for (const auto &d : result.diagnostics)
        warnings += d.severity == model::Diagnostic::Severity::Warning;
    out() << gw::toCompactJson(QJsonObject{{QStringLiteral("project"), target},
                                           {QStringLiteral("apiId"), apiId},
                                           {QStringLiteral("apiType"), model::toString(result.api.type)},
                                           {QStringLiteral("resources"), result.api.design.resources.size()},
                                           {QStringLiteral("warnings"), warnings}})
          << '\n';
    return 0;
}

static CommandRegistration registration({"import", "import FILE (-o NEW | --into PROJECT) [--type rest|http]   add an OpenAPI 3.0 / Swagger 2.0 API (REST unless --type http) to a project", &runImport});

} // namespace gw::cli
