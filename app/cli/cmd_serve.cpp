#include "cachesummary.h"
#include "command.h"
#include "projectloader.h"
#include "signalwatcher.h"

#include "gateway/deploy/runtimeconfig.h"
#include "gateway/model/check.h"
#include "gateway/runtime/adminserver.h"
#include "gateway/runtime/engine.h"
#include "gateway/runtime/invokeurls.h"

#include <QCoreApplication>
#include <QFileInfo>

namespace gw::cli {

static int runServe(const QStringList &arguments)
{
    QStringList args = arguments;
    const QString hostArg = takeOption(args, QStringLiteral("--host"));
    const QString portArg = takeOption(args, QStringLiteral("--port"));
    const QString adminPortArg = takeOption(args, QStringLiteral("--admin-port"));
    const QString adminHostArg = takeOption(args, QStringLiteral("--admin-host"));
    const QString workersArg = takeOption(args, QStringLiteral("--workers"));
    const bool traces = takeFlag(args, QStringLiteral("--traces"));
    if (args.size() != 1 || args.first().startsWith(QLatin1String("--"))) {
        err() << "usage: gatewright-cli serve PROJECT [--host ADDR] [--port N] [--admin-port N [--admin-host ADDR] [--traces]] [--workers N]\n";
        return 2;
    }
    const QString file = args.first();
    auto project = loadProjectOrReport(file);
    if (!project)
        return 1;
    for (const auto &d : model::check(*project))
        err() << d.toString(file) << '\n';
    model::Diagnostics compileErrors;
    auto config = deploy::compile(*project, &compileErrors, QFileInfo(file).absolutePath());
    for (const auto &d : compileErrors)
        err() << d.toString(file) << '\n';
    err().flush();

    runtime::EngineOptions options;
    const QString host = hostArg.isEmpty() ? project->server.host : hostArg;
    if (!options.host.setAddress(host)) {
        err() << "gatewright-cli: --host " << host << " is not an IP address\n";
        return 2;
    }
    bool ok = true;
    const int port = portArg.isEmpty() ? project->server.port : portArg.toInt(&ok);
    if (!ok || port < 0 || port > 65535) {
        err() << "gatewright-cli: --port must be a number from 0 to 65535\n";
        return 2;
    }
    options.port = quint16(port);
    options.liveRecords = false; // nobody watches a live log here
    options.captureDetails = traces; // kept for GET /traces on the admin port
    if (!workersArg.isEmpty()) {
        bool okWorkers = false;
        options.workers = workersArg.toInt(&okWorkers);
        if (!okWorkers || options.workers < 1 || options.workers > 256) {
            err() << "gatewright-cli: --workers must be a number from 1 to 256\n";
            return 2;
        }
    }

    // The admin endpoint (metrics, traces, cache flushes) stays on loopback whatever --host says:
    // serving the gateway to a network must not publish its controls too.
    QHostAddress adminHost = QHostAddress::LocalHost;
    if (!adminHostArg.isEmpty() && !adminHost.setAddress(adminHostArg)) {
        err() << "gatewright-cli: --admin-host " << adminHostArg << " is not an IP address\n";
        return 2;
    }
    if (!adminHostArg.isEmpty() && adminPortArg.isEmpty()) {
        err() << "gatewright-cli: --admin-host needs --admin-port\n";
        return 2;
    }

    runtime::Engine engine;
    engine.deploy(config);
    runtime::AdminServer admin(&engine);
    if (!adminPortArg.isEmpty()) {
        bool okPort = false;
        const int adminPort = adminPortArg.toInt(&okPort);
        QString error;
        const quint16 bound = okPort && adminPort >= 0 && adminPort <= 65535
                                  ? admin.listen(adminHost, quint16(adminPort), &error) : 0;
        if (!bound) {
            err() << "gatewright-cli: " << (error.isEmpty() ? QStringLiteral("--admin-port must be a number from 0 to 65535") : error) << '\n';
            return 2;
        }
        out() << "metrics on " << runtime::baseUrl(adminHost, bound) << "/metrics\n";
    }
    int exitCode = 0;
    QObject::connect(&engine, &runtime::Engine::startFailed, [&](const QString &message) {
        err() << "gatewright-cli: " << message << '\n';
        err().flush();
        exitCode = 1;
        QCoreApplication::exit(1);
    });
    QObject::connect(&engine, &runtime::Engine::started, [&](const QHostAddress &h, quint16 p) {
        const QString base = runtime::baseUrl(h, p);
        out() << "listening on " << base << '\n';
        for (const auto &line : runtime::invokeUrls(*project, p))
            out() << "  " << line << '\n';
        for (const auto &line : cacheSummary(*project))
            out() << line << '\n';
        out().flush();
    });
    SignalWatcher watcher;
    QObject::connect(&watcher, &SignalWatcher::terminate, [&]() {
        err() << "gatewright-cli: stopping\n";
        err().flush();
        engine.stop();
        QCoreApplication::exit(exitCode);
    });
    engine.start(options);
    const int rc = QCoreApplication::exec();
    engine.stop();
    return rc;
}

static CommandRegistration registration({"serve", "serve PROJECT [--host ADDR] [--port N] [--admin-port N [--admin-host ADDR] [--traces]] [--workers N]  serve the project's stages (127.0.0.1:4510 by default; --port 0 picks one)", &runServe});

} // namespace gw::cli
