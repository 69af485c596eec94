#include "command.h"
#include "projectloader.h"

#include "gateway/core/jsonutil.h"
#include "gateway/functions/functionruntime.h"
#include "gateway/integrations/upstreampool.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

namespace gw::cli {

// Runs one project function once, as the gateway would (same runtime, limits and logs), and
// prints {"result": ..., "logs": [...], "error": ...}; exits 1 when the function fails.
static int runInvokeFunction(const QStringList &arguments)
{
    QStringList args = arguments;
    const QString eventFile = takeOption(args, QStringLiteral("--event"));
    if (args.size() != 2) {
        err() << "usage: gatewright-cli invoke-function PROJECT NAME [--event FILE]\n";
        return 2;
    }
    const auto project = loadProjectOrReport(args[0]);
    if (!project)
        return 1;
    const model::Function *function = project->function(args[1]);
    if (!function) {
        err() << args[0] << ": functions: no function named " << args[1] << '\n';
        return 1;
    }
    QByteArray event = "{}";
    if (!eventFile.isEmpty()) {
        QFile f(eventFile);
        if (!f.open(QIODevice::ReadOnly)) {
            err() << eventFile << ": " << f.errorString() << '\n';
            return 1;
        }
        event = f.readAll();
        QJsonParseError parseError;
        QJsonDocument::fromJson("[" + event + "]", &parseError);
        if (parseError.error != QJsonParseError::NoError) {
            err() << eventFile << ": not JSON: " << parseError.errorString() << '\n';
            return 1;
        }
    }
    integrations::UpstreamPool transport;
    functions::FunctionRuntime runtime(&transport);
    std::optional<functions::FunctionResult> result;
    runtime.invoke(function, event, {}, [&](functions::FunctionResult r) {
        result = std::move(r);
        QCoreApplication::exit(0);
    });
    QCoreApplication::exec();

    QJsonObject out;
    const QJsonValue payload = QJsonDocument::fromJson("[" + result->payload + "]").array().at(0);
    out.insert(QStringLiteral("result"), result->functionError || result->invokeError != functions::FunctionResult::InvokeError::None
                                             ? QJsonValue() : payload);
    QJsonArray logs;
    for (const QString &line : result->logs)
        logs.append(line);
    out.insert(QStringLiteral("logs"), logs);
    out.insert(QStringLiteral("durationMs"), double(result->durationMs));
    if (result->invokeError != functions::FunctionResult::InvokeError::None)
        out.insert(QStringLiteral("error"), QJsonObject{{QStringLiteral("errorType"), QStringLiteral("InvokeError")},
                                                        {QStringLiteral("errorMessage"), result->invokeErrorMessage}});
    else if (result->functionError)
        out.insert(QStringLiteral("error"), payload);
    else
        out.insert(QStringLiteral("error"), QJsonValue());
    gw::cli::out() << gw::toPrettyJson(out);
    return result->ok() ? 0 : 1;
}

static CommandRegistration registration({"invoke-function", "invoke-function PROJECT NAME [--event FILE]  run a project function once and print {result, logs, error} as JSON", &runInvokeFunction});

} // namespace gw::cli
