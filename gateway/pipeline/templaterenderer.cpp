#include "templaterenderer.h"

#include "requestcontext.h"

#include "gateway/transform/mappingvariables.h"

namespace gw::pipeline {

TemplateRenderResult renderTemplate(const TemplateRenderer &renderer, const transform::VtlTemplate &tpl,
                                    RequestContext &ctx, TemplateSide side)
{
    if (renderer)
        return renderer(tpl, ctx, side);
    return {true, tpl.source().toUtf8(), {}};
}

static transform::MappingRequest mappingRequest(const RequestContext &ctx, TemplateSide side)
{
    transform::MappingRequest r;
    r.body = side == TemplateSide::Request ? ctx.request.body : ctx.endpointResult.body;
    r.pathParameters = ctx.pathParameters;
    r.query = ctx.query;
    for (const auto &h : ctx.request.headers)
        r.headers.append({QString::fromLatin1(h.first), QString::fromUtf8(h.second)});
    r.context = ctx.contextObject();
    r.stageVariables = ctx.stageVariables;
    return r;
}

TemplateRenderer vtlTemplateRenderer()
{
    return [](const transform::VtlTemplate &tpl, RequestContext &ctx, TemplateSide side) {
        // Text with no reference and no directive renders as itself (the common MOCK
        // `{"statusCode": 200}`): skip building $context and $input for it, which costs more
        // than the rest of a MOCK request.
        if (tpl.isStatic())
            return TemplateRenderResult{true, tpl.staticUtf8(), {}};
        transform::MappingOverrides overrides = ctx.mappingOverrides;
        const transform::VtlRenderResult r = transform::renderMapping(tpl, mappingRequest(ctx, side), &overrides);
        if (!r.ok)
            return TemplateRenderResult{false, {}, r.error};
        ctx.mappingOverrides = overrides;
        return TemplateRenderResult{true, r.output.toUtf8(), {}};
    };
}

} // namespace gw::pipeline
