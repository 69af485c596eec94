#include "cliprocess.h"

#include <QFile>
#include <QProcess>
#include <QTcpServer>

namespace gwtest {

QString cliPath()
{
    return qEnvironmentVariable("GW_CLI", QStringLiteral(GW_BINARY_DIR "/app/cli/gatewright-cli"));
}

CliRun runCli(const QStringList &args)
{
    QProcess p;
    p.start(cliPath(), args);
    p.waitForFinished(30000);
    return {p.exitCode(), p.readAllStandardOutput(), p.readAllStandardError()};
}

QString writeFile(const QString &dir, const QString &name, const QByteArray &content)
{
    const QString path = dir + QLatin1Char('/') + name;
    QFile f(path);
    if (f.open(QIODevice::WriteOnly))
        f.write(content);
    return path;
}

CliRun renderTemplate(const QString &dir, const QByteArray &tpl, const QByteArray &request)
{
    return runCli({QStringLiteral("render"), QStringLiteral("--template"), writeFile(dir, QStringLiteral("t.vtl"), tpl),
                   QStringLiteral("--request"), writeFile(dir, QStringLiteral("r.json"), request)});
}

quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

QByteArray curl(const QStringList &args)
{
    QProcess p;
    p.start(QStringLiteral("curl"), QStringList{QStringLiteral("-s")} + args);
    p.waitForFinished(15000);
    return p.readAllStandardOutput();
}

} // namespace gwtest
