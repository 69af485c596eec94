#pragma once

#include <QByteArray>
#include <QStringList>

namespace gwtest {

// What a finished CLI process left behind.
struct CliRun
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

// gatewright-cli of this build (or $GW_CLI).
QString cliPath();
// Runs gatewright-cli with `args` to completion (30 s at most).
CliRun runCli(const QStringList &args);
// Writes `content` to `dir`/`name`; the file's path.
QString writeFile(const QString &dir, const QString &name, const QByteArray &content);
// `gatewright-cli render` of `tpl` with `request` as REQUEST.json, both written to `dir`.
CliRun renderTemplate(const QString &dir, const QByteArray &tpl, const QByteArray &request);
// A port that was free a moment ago on 127.0.0.1.
quint16 freePort();
// `curl -s` with the given arguments; its standard output.
QByteArray curl(const QStringList &args);

} // namespace gwtest
