#pragma once

#include "gateway/transform/vtltemplate.h"

#include <QByteArray>
#include <QString>

#include <functional>
#include <memory>

namespace gw::pipeline {

struct RequestContext;

// Renders a mapping template (parsed at deploy time) for the current request. Without a
// renderer the pipeline uses the template's text as it stands (static bodies).
struct TemplateRenderResult
{
    bool ok = true;
    QByteArray output;
    QString error;
};
enum class TemplateSide { Request, Response };
using TemplateRenderer = std::function<TemplateRenderResult(const transform::VtlTemplate &tpl, RequestContext &ctx, TemplateSide side)>;

TemplateRenderResult renderTemplate(const TemplateRenderer &renderer, const transform::VtlTemplate &tpl,
                                    RequestContext &ctx, TemplateSide side);

// The renderer the engine uses: the VTL engine with $input, $context, $stageVariables and $util
// taken from the request (on the response side $input is the integration response), and the
// $context overrides kept in ctx.mappingOverrides.
TemplateRenderer vtlTemplateRenderer();

} // namespace gw::pipeline
