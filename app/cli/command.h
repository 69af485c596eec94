#pragma once

#include <QStringList>
#include <QTextStream>

namespace gw::cli {

// One CLI verb. Each verb lives in its own cmd_<verb>.cpp and registers itself with a static
// CommandRegistration, so adding a verb touches no shared file.
struct Command
{
    const char *name;
    const char *usage;    // one line, shown by `gatewright-cli help`
    int (*run)(const QStringList &args); // args after the verb; returns the exit code
};

struct CommandRegistration
{
    explicit CommandRegistration(const Command &command);
};

const QList<Command> &commands();

QTextStream &out();
QTextStream &err();

} // namespace gw::cli
