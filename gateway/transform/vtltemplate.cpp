#include "vtltemplate.h"

#include "vtlevaluator.h"
#include "vtlparser.h"

namespace gw::transform {

std::shared_ptr<const VtlTemplate> VtlTemplate::parse(const QString &source, VtlSyntaxError *error)
{
    std::shared_ptr<VtlTemplate> tpl(new VtlTemplate);
    tpl->m_source = source;
    vtl::VtlParser parser(source, &tpl->m_macros);
    if (!parser.parse(&tpl->m_nodes)) {
        if (error)
            *error = {parser.error().pos.line, parser.error().pos.column, parser.error().message};
        return nullptr;
    }
    tpl->m_static = !source.contains(QLatin1Char('$')) && !source.contains(QLatin1Char('#'));
    if (tpl->m_static)
        tpl->m_staticUtf8 = source.toUtf8();
    return tpl;
}

VtlRenderResult VtlTemplate::render(VtlVariables &variables, const VtlLimits &limits) const
{
    vtl::VtlEvaluator evaluator(m_macros, variables, limits);
    VtlRenderResult result;
    result.ok = evaluator.run(m_nodes, &result.output);
    if (!result.ok)
        result.error = evaluator.error();
    return result;
}

} // namespace gw::transform
