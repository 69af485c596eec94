#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace gwtest {

// One run of gatewright-cli as a process, as a script or CI would run it.
struct CliRun
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

CliRun runCli(const QString &cli, const QStringList &args, int timeoutMs = 30000);

} // namespace gwtest
