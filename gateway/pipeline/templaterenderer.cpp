#include "templaterenderer.h"

namespace gw::pipeline {

TemplateRenderResult renderTemplate(const TemplateRenderer &renderer, const QString &templateText,
                                    RequestContext &ctx, TemplateSide side)
{
    if (renderer)
        return renderer(templateText, ctx, side);
    return {true, templateText.toUtf8(), {}};
}

} // namespace gw::pipeline
