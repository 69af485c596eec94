#include "designproblems.h"

#include "gateway/deploy/templatecompiler.h"
#include "gateway/model/check.h"

namespace gw::ui {

gw::model::Diagnostics designProblems(const gw::model::Project &project)
{
    gw::model::Diagnostics out = gw::model::check(project);
    gw::deploy::checkDesignTemplates(project, &out);
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
