#include "cliprocess.h"

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
