#include "command.h"
#include "projectcheck.h"

namespace gw::cli {

static int runCheck(const QStringList &arguments)
{
    QStringList args = arguments;
    if (args.size() != 1) {
        err() << "usage: gatewright-cli check FILE\n";
        return 2;
    }
    const QString file = args.first();
    const model::Diagnostics all = checkProjectFile(file);
    for (const auto &d : all)
        (d.severity == model::Diagnostic::Severity::Error ? err() : out()) << d.toString(file) << '\n';
    const bool failed = model::hasErrors(all);
    if (!failed)
        out() << file << ": ok\n";
    return failed ? 1 : 0;
}

static CommandRegistration registration({"check", "check FILE                      report every problem in a project as FILE:path: message", &runCheck});

} // namespace gw::cli
