#include "designproblems.h"

#include "gateway/deploy/templatecompiler.h"
#include "gateway/model/check.h"
#include "gateway/validate/modelschemas.h"

namespace gw::ui {

gw::model::Diagnostics designProblems(const gw::model::Project &project)
{
    gw::model::Diagnostics out = gw::model::check(project);
    gw::deploy::checkDesignTemplates(project, &out);
    // Models whose schema is not valid draft 4 (deploy reports the same; here the editors and
    // the navigator show it while the user types).
    for (qsizetype a = 0; a < project.apis.size(); ++a)
        gw::validate::ModelSchemas::compile(project.apis[a].design, &out, QStringLiteral("apis[%1].design").arg(a));
    return out;
}

gw::model::Diagnostics blockingErrors(const gw::model::Project &project, const QString &apiId)
{
    gw::model::Diagnostics out;
    qsizetype index = -1;
    for (qsizetype i = 0; i < project.apis.size(); ++i)
        if (project.apis[i].id == apiId)
            index = i;
    if (index < 0)
        return out;
    const QString prefix = QStringLiteral("apis[%1].").arg(index);
    for (const auto &d : designProblems(project))
        if (d.severity == gw::model::Diagnostic::Severity::Error && d.path.startsWith(prefix))
            out.append(d);
    return out;
}

} // namespace gw::ui
