#include "command.h"

#include <QCoreApplication>

using namespace gw::cli;

namespace gw::cli {

static QList<Command> &registry()
{
    static QList<Command> list;
    return list;
}

CommandRegistration::CommandRegistration(const Command &command) { registry().append(command); }
const QList<Command> &commands() { return registry(); }

QTextStream &out()
{
    static QTextStream s(stdout);
    return s;
}

QTextStream &err()
{
    static QTextStream s(stderr);
    return s;
}

} // namespace gw::cli

static void printUsage(QTextStream &s)
{
    s << "usage: gatewright-cli <command> [options]\n\ncommands:\n";
    for (const Command &c : commands())
        s << "  " << c.usage << '\n';
    s.flush();
}

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("gatewright-cli"));
    QStringList args = app.arguments().mid(1);
    if (args.isEmpty() || args.first() == QLatin1String("help") || args.first() == QLatin1String("--help")) {
        printUsage(args.isEmpty() ? err() : out());
        return args.isEmpty() ? 2 : 0;
    }
    const QString verb = args.takeFirst();
    for (const Command &c : commands()) {
        if (verb == QLatin1String(c.name)) {
            const int rc = c.run(args);
            out().flush();
            err().flush();
            return rc;
        }
    }
    err() << "gatewright-cli: unknown command '" << verb << "'\n";
    printUsage(err());
    return 2;
}
