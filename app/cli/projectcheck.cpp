#include "projectcheck.h"

#include "gateway/deploy/runtimeconfig.h"
#include "gateway/deploy/templatecompiler.h"
#include "gateway/model/check.h"
#include "gateway/model/projectfile.h"

#include <QFileInfo>

namespace gw::cli {

model::Diagnostics checkProjectFile(const QString &fileName)
{
    const model::LoadResult loaded = model::loadProject(fileName);
    model::Diagnostics all = loaded.diagnostics;
    if (!loaded.ok) {
        if (!model::hasErrors(all)) // a refused file always says why
            all.append({model::Diagnostic::Severity::Error, {}, QStringLiteral("cannot be loaded")});
        return all;
    }
    all += model::check(loaded.project);
    model::Diagnostics compiled;
    deploy::compile(loaded.project, &compiled, QFileInfo(fileName).absolutePath()); // JWKS files are relative to it
    deploy::checkDesignTemplates(loaded.project, &compiled);
    for (const auto &d : compiled)
        if (!all.contains(d))
            all.append(d);
    return all;
}

} // namespace gw::cli
