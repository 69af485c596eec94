#include "templatecompiler.h"

#include "gateway/core/elide.h"
#include "gateway/model/project.h"

namespace gw::deploy {

CompiledTemplates compileTemplates(const model::TemplateMap &templates, const QString &path,
                                   model::Diagnostics *diagnostics, bool *ok)
{
    CompiledTemplates out;
    for (auto it = templates.begin(); it != templates.end(); ++it) {
        transform::VtlSyntaxError error;
        auto tpl = transform::VtlTemplate::parse(it.value(), &error);
        if (!tpl) {
            *ok = false;
            if (diagnostics)
                diagnostics->append({model::Diagnostic::Severity::Error, path + QStringLiteral("[\"%1\"]").arg(elideForMessage(it.key())),
                                     QStringLiteral("mapping template does not parse: %1").arg(error.toString())});
            continue;
        }
        out.insert(it.key(), std::move(tpl));
    }
    return out;
}

void checkDesignTemplates(const model::Project &project, model::Diagnostics *diagnostics)
{
    bool ok = true;
    for (qsizetype a = 0; a < project.apis.size(); ++a) {
        const model::ApiDefinition &design = project.apis[a].design;
        for (qsizetype r = 0; r < design.resources.size(); ++r) {
            const model::Resource &resource = design.resources[r];
            for (auto m = resource.methods.begin(); m != resource.methods.end(); ++m) {
                if (!m->integration)
                    continue;
                const QString base = QStringLiteral("apis[%1].design.resources[%2].methods.%3.integration").arg(a).arg(r).arg(m.key());
                compileTemplates(m->integration->requestTemplates, base + QStringLiteral(".requestTemplates"), diagnostics, &ok);
                const auto &responses = m->integration->integrationResponses;
                for (qsizetype i = 0; i < responses.size(); ++i)
                    compileTemplates(responses[i].responseTemplates,
                                     base + QStringLiteral(".integrationResponses[%1].responseTemplates").arg(i), diagnostics, &ok);
            }
        }
    }
}

} // namespace gw::deploy
