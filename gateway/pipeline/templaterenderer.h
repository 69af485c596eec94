#pragma once

#include <QByteArray>
#include <QString>

#include <functional>

namespace gw::pipeline {

struct RequestContext;

// Renders a mapping template for the current request. Until the VTL engine is plugged in, the
// pipeline uses the template text as it stands (static bodies).
struct TemplateRenderResult
{
    bool ok = true;
    QByteArray output;
    QString error;
};
enum class TemplateSide { Request, Response };
using TemplateRenderer = std::function<TemplateRenderResult(const QString &templateText, RequestContext &ctx, TemplateSide side)>;

TemplateRenderResult renderTemplate(const TemplateRenderer &renderer, const QString &templateText,
                                    RequestContext &ctx, TemplateSide side);

} // namespace gw::pipeline
