#include "command.h"
#include "projectloader.h"

#include "gateway/model/corsenabler.h"
#include "gateway/model/projectfile.h"

namespace gw::cli {

static const char *const kUsage =
    "usage: gatewright-cli cors enable PROJECT --api ID --resource PATH [--origin ORIGIN] [--headers H1,H2]\n"
    "                                  [--methods GET,POST] [--expose H1,H2] [--max-age S] [--credentials]\n"
    "                                  [--gateway-responses]\n";

// The console's "Enable CORS" on one REST resource, written back into the project file.
static int runCors(const QStringList &arguments)
{
    QStringList args = arguments;
    model::CorsOptions options;
    const QString apiId = takeOption(args, QStringLiteral("--api"));
    const QString resource = takeOption(args, QStringLiteral("--resource"));
    options.allowOrigin = takeOption(args, QStringLiteral("--origin"), options.allowOrigin);
    options.allowHeaders = takeOption(args, QStringLiteral("--headers"), options.allowHeaders);
    const QString methods = takeOption(args, QStringLiteral("--methods"));
    if (!methods.isEmpty())
        options.allowMethods = methods.toUpper().split(QLatin1Char(','), Qt::SkipEmptyParts);
    options.exposeHeaders = takeOption(args, QStringLiteral("--expose"));
    const QString maxAge = takeOption(args, QStringLiteral("--max-age"));
    options.allowCredentials = takeFlag(args, QStringLiteral("--credentials"));
    options.gatewayResponses = takeFlag(args, QStringLiteral("--gateway-responses"));
    if (args.size() != 2 || args.first() != QLatin1String("enable") || apiId.isEmpty() || resource.isEmpty()) {
        err() << kUsage;
        return 2;
    }
    if (!maxAge.isEmpty()) {
        bool ok = false;
        options.maxAgeSeconds = maxAge.toInt(&ok);
        if (!ok || options.maxAgeSeconds < 0) {
            err() << "gatewright-cli: --max-age must be a number of seconds\n";
            return 2;
        }
    }
    const QString file = args.at(1);
    auto project = loadProjectOrReport(file);
    if (!project)
        return 1;
    model::Api *api = project->api(apiId);
    if (!api) {
        err() << file << ":apis: no API with id " << apiId << '\n';
        return 1;
    }
    const model::CorsResult result = model::enableCors(*api, resource, options);
    if (!result.ok()) {
        err() << file << ":apis[" << apiId << "]: " << result.error << '\n';
        return 1;
    }
    QString error;
    if (!model::saveProject(*project, file, &error)) {
        err() << "gatewright-cli: " << error << '\n';
        return 1;
    }
    for (const QString &line : result.changed)
        out() << line << '\n';
    for (const QString &line : result.notes)
        err() << "note: " << line << '\n';
    out() << "deploy the API for the change to be served\n";
    return 0;
}

static CommandRegistration registration({"cors", "cors enable PROJECT --api ID --resource PATH [--origin O] ...  the console's Enable CORS on a REST resource", &runCors});

} // namespace gw::cli
