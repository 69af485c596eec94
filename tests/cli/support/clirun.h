#pragma once

#include <QByteArray>
#include <QStringList>

namespace gwtest {

// One run of the CLI binary, waited for (tests only).
struct CliRun
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};
CliRun runCli(const QString &program, const QStringList &args, int timeoutMs = 30000);

} // namespace gwtest
