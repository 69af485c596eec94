#include "command.h"
#include "projectloader.h"

#include "gateway/deploy/runtimeconfig.h"
#include "gateway/deploy/templatecompiler.h"
#include "gateway/model/check.h"
#include "gateway/model/projectfile.h"
#include <QFileInfo>

namespace gw::cli {

static int runCheck(const QStringList &arguments)
{
    QStringList args = arguments;
    if (args.size() != 1) {
        err() << "usage: gatewright-cli check FILE\n";
        return 2;
    }
    const QString file = args.first();
    const model::LoadResult loaded = model::loadProject(file);
    model::Diagnostics all = loaded.diagnostics;
    if (loaded.ok) {
        all += model::check(loaded.project);
        // Compiling finds what only parsing can: templates, access-log formats, patterns.
        model::Diagnostics compiled;
        deploy::compile(loaded.project, &compiled, QFileInfo(file).absolutePath()); // JWKS files are relative to it
        deploy::checkDesignTemplates(loaded.project, &compiled);
        for (const auto &d : compiled)
            if (!all.contains(d))
                all.append(d);
    }
    for (const auto &d : all)
        (d.severity == model::Diagnostic::Severity::Error ? err() : out()) << d.toString(file) << '\n';
    const bool failed = !loaded.ok || model::hasErrors(all);
    if (!failed)
        out() << file << ": ok\n";
    return failed ? 1 : 0;
}

static CommandRegistration registration({"check", "check FILE                      report every problem in a project as FILE:path: message", &runCheck});

} // namespace gw::cli
