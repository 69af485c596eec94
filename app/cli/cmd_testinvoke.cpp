#include "command.h"
#include "projectloader.h"

#include "gateway/core/jsonutil.h"
#include "gateway/deploy/runtimeconfig.h"
#include "gateway/runtime/requestprocessor.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QFileInfo>

namespace gw::cli {

static QJsonObject headersJson(const HeaderList &headers, QJsonObject *multi)
{
    QJsonObject single;
    for (const auto &h : headers) {
        const QString name = QString::fromLatin1(h.first);
        single.insert(name, QString::fromUtf8(h.second));
        QJsonArray values = multi->value(name).toArray();
        values.append(QString::fromUtf8(h.second));
        multi->insert(name, values);
    }
    return single;
}

static int runTestInvoke(const QStringList &arguments)
{
    QStringList args = arguments;
    const QString stage = takeOption(args, QStringLiteral("--stage"));
    const QString method = takeOption(args, QStringLiteral("--method"), QStringLiteral("GET")).toUpper();
    const QString path = takeOption(args, QStringLiteral("--path"), QStringLiteral("/"));
    QString apiId = takeOption(args, QStringLiteral("--api"));
    const QStringList headers = takeOptions(args, QStringLiteral("--header"));
    const QString bodyArg = takeOption(args, QStringLiteral("--body"));
    if (args.size() != 1 || stage.isEmpty() || !path.startsWith(QLatin1Char('/'))) {
        err() << "usage: gatewright-cli test-invoke FILE --stage S [--api ID] [--method GET] --path /p?q=1 "
                 "[--header K:V]... [--body TEXT|@file]\n";
        return 2;
    }
    const QString file = args.first();
    auto project = loadProjectOrReport(file);
    if (!project)
        return 1;
    if (apiId.isEmpty()) {
        if (project->apis.size() != 1) {
            err() << file << ": the project has " << project->apis.size() << " APIs; name one with --api ID\n";
            return 2;
        }
        apiId = project->apis.first().id;
    }
    if (!project->api(apiId)) {
        err() << file << ": no API with id '" << apiId << "'\n";
        return 1;
    }
    model::Diagnostics diagnostics;
    auto config = deploy::compile(*project, &diagnostics, QFileInfo(file).absolutePath());
    for (const auto &d : diagnostics)
        err() << d.toString(file) << '\n';

    HttpRequest request;
    request.method = method.toLatin1();
    request.target = (QLatin1Char('/') + stage + path).toUtf8();
    request.headers.append("Host", (apiId + QStringLiteral(".execute-api.localhost")).toLatin1());
    for (const QString &h : headers) {
        const auto colon = h.indexOf(QLatin1Char(':'));
        if (colon <= 0) {
            err() << "gatewright-cli: --header takes NAME:VALUE, got '" << h << "'\n";
            return 2;
        }
        request.headers.append(h.left(colon).trimmed().toLatin1(), h.mid(colon + 1).trimmed().toUtf8());
    }
    if (bodyArg.startsWith(QLatin1Char('@'))) {
        QFile f(bodyArg.mid(1));
        if (!f.open(QIODevice::ReadOnly)) {
            err() << "gatewright-cli: cannot read body file " << bodyArg.mid(1) << ": " << f.errorString() << '\n';
            return 1;
        }
        request.body = f.readAll();
    } else {
        request.body = bodyArg.toUtf8();
    }
    request.peerAddress = QHostAddress::LocalHost;

    runtime::RequestProcessor processor;
    processor.setConfig(config);
    QJsonObject result;
    processor.handleWithTrace(request, [&](const pipeline::RequestContext &ctx) {
        QJsonObject multi;
        result.insert(QStringLiteral("status"), ctx.response.status);
        result.insert(QStringLiteral("headers"), headersJson(ctx.response.headers, &multi));
        result.insert(QStringLiteral("multiValueHeaders"), multi);
        result.insert(QStringLiteral("body"), QString::fromUtf8(ctx.response.body));
        result.insert(QStringLiteral("latency"), double(ctx.elapsedUs() / 1000));
        QJsonArray trace;
        QString log;
        for (const auto &line : ctx.trace.lines()) {
            trace.append(QJsonObject{{QStringLiteral("phase"), line.phase},
                                     {QStringLiteral("elapsedUs"), double(line.elapsedUs)},
                                     {QStringLiteral("text"), line.text}});
            log += line.text + QLatin1Char('\n');
        }
        result.insert(QStringLiteral("trace"), trace);
        result.insert(QStringLiteral("log"), log);
        QCoreApplication::exit(0);
    });
    if (result.isEmpty())
        QCoreApplication::exec();
    out() << gw::toPrettyJson(result);
    return 0;
}

static CommandRegistration registration({"test-invoke", "test-invoke FILE --stage S --path /p [--method M] [--header K:V] [--body @file]  run one request in-process and print response + trace as JSON", &runTestInvoke});

} // namespace gw::cli
