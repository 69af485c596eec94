#include "integrationresponsephase.h"

#include "gateway/core/jsonutil.h"
#include "gateway/pipeline/parametersource.h"
#include "gateway/pipeline/phases/integrationrequestphase.h"

namespace gw::pipeline {

using model::IntegrationType;

namespace {


enum class ProxyHeader { Keep, Drop, Remap };

// What HTTP_PROXY does with a backend's response header (reference §1.3); switching on the
// length first keeps this to one comparison for most headers.
ProxyHeader proxyHeaderRule(const QByteArray &name)
{
    const auto is = [&](const char *n) { return name.compare(n, Qt::CaseInsensitive) == 0; };
    switch (name.size()) {
    case 3: return is("via") ? ProxyHeader::Drop : ProxyHeader::Keep;
    case 4: return is("date") ? ProxyHeader::Remap : ProxyHeader::Keep;
    case 6: return is("server") ? ProxyHeader::Remap : ProxyHeader::Keep;
    case 7: return is("trailer") || is("upgrade") ? ProxyHeader::Drop : ProxyHeader::Keep;
    case 10: return is("keep-alive") ? ProxyHeader::Drop : is("connection") ? ProxyHeader::Remap : ProxyHeader::Keep;
    case 14: return is("content-length") ? ProxyHeader::Remap : ProxyHeader::Keep;
    case 16: return is("content-encoding") || is("proxy-connection") ? ProxyHeader::Drop : ProxyHeader::Keep;
    case 17: return is("transfer-encoding") ? ProxyHeader::Drop : ProxyHeader::Keep;
    default: return ProxyHeader::Keep;
    }
}

} // namespace

PhaseResult IntegrationResponsePhase::proxyResponse(RequestContext &ctx)
{
    const EndpointResult &in = ctx.endpointResult;
    HttpResponse &out = ctx.response;
    out.status = in.status;
    for (const auto &h : in.headers) {
        switch (proxyHeaderRule(h.first)) {
        case ProxyHeader::Drop:
            continue;
        case ProxyHeader::Remap:
            // API Gateway sets these itself and echoes the backend's under another name.
            out.headers.append("x-amzn-Remapped-" + h.first, h.second);
            break;
        case ProxyHeader::Keep:
            out.headers.append(h.first, h.second);
            break;
        }
    }
    out.body = in.body;
    return PhaseResult::Continue;
}

PhaseResult IntegrationResponsePhase::onRequest(const std::shared_ptr<RequestContext> &ctx, const Resume &)
{
    static const QString phase = QStringLiteral("integration-response");
    const model::Integration &integration = *ctx->method->method.integration;
    if (integration.type != IntegrationType::Mock) {
        if (ctx->tracing())
            ctx->log(phase, QStringLiteral("Received response. Status: %1, Integration latency: %2 ms")
                                .arg(ctx->endpointResult.status).arg(ctx->integrationLatencyMs));
        if (ctx->tracing()) {
            ctx->log(phase, QStringLiteral("Endpoint response headers: %1").arg(ctx->traceHeaders(ctx->endpointResult.headers)));
            ctx->log(phase, QStringLiteral("Endpoint response body before transformations: %1").arg(ctx->traceBody(ctx->endpointResult.body)));
        }
    }
    if (integration.type == IntegrationType::HttpProxy)
        return proxyResponse(*ctx);
    if (integration.type == IntegrationType::AwsProxy)
        return PhaseResult::Continue;  // the Lambda proxy integrator built the response (reference §3.3)

    // Non-proxy: select by the status code (HTTP, MOCK, AWS services) or a Lambda's errorMessage (reference §1.4).
    // The selection value is made only when a pattern needs it (a lone default response does not).
    QString selector;
    bool haveSelector = false;
    const auto selectionValue = [&]() -> const QString & {
        if (!haveSelector) {
            selector = ctx->selectionValue ? *ctx->selectionValue : QString::number(ctx->endpointResult.status);
            haveSelector = true;
        }
        return selector;
    };
    const deploy::CompiledIntegrationResponse *chosen = nullptr;
    const deploy::CompiledIntegrationResponse *fallback = nullptr;
    for (const auto &r : ctx->method->integrationResponses) {
        if (r.isDefault) {
            if (!fallback)
                fallback = &r;
        } else if (!chosen && r.pattern.match(selectionValue()).hasMatch()) {
            chosen = &r;
        }
    }
    if (!chosen)
        chosen = fallback;
    if (!chosen) {
        ctx->fail({QStringLiteral("API_CONFIGURATION_ERROR"), QStringLiteral("Internal server error"), false,
                   QStringLiteral("Execution failed due to configuration error: No match for output mapping and no default "
                                  "output mapping configured. Endpoint Response Status Code: %1").arg(selectionValue())});
        return PhaseResult::Respond;
    }
    const model::IntegrationResponse &def = chosen->definition;
    HttpResponse &out = ctx->response;
    out.status = chosen->status;
    for (auto it = def.responseParameters.begin(); it != def.responseParameters.end(); ++it) {
        if (!it.key().startsWith(QLatin1String("method.response.header.")))
            continue;
        if (const auto value = evaluateParameterSource(it.value(), *ctx))
            out.headers.set(it.key().mid(23).toLatin1(), *value);
    }
    // Template by the first media type of Accept; else application/json; else the first one.
    const auto &templates = chosen->templates;
    auto tpl = templates.cend();
    if (!templates.isEmpty()) {
        QByteArray accept = ctx->request.headers.value("accept");
        const qsizetype cut = accept.indexOf(',');
        if (cut >= 0)
            accept.truncate(cut);
        tpl = templates.constFind(mimeType(accept));
    }
    if (tpl == templates.cend())
        tpl = templates.constFind(QStringLiteral("application/json"));
    if (tpl == templates.cend() && !templates.isEmpty())
        tpl = templates.cbegin();
    if (tpl != templates.cend()) {
        const TemplateRenderResult rendered = renderTemplate(m_renderer, **tpl, *ctx, TemplateSide::Response);
        if (!rendered.ok) {
            ctx->fail({QStringLiteral("API_CONFIGURATION_ERROR"), QStringLiteral("Internal server error"), false,
                       QStringLiteral("Execution failed due to configuration error: Unable to transform response: %1").arg(rendered.error)});
            return PhaseResult::Respond;
        }
        out.body = rendered.output;
        if (!out.headers.contains("content-type"))
            out.headers.set("Content-Type", tpl.key() == QLatin1String("$default") ? QByteArray("application/json") : tpl.key().toLatin1());
    } else {
        out.body = ctx->endpointResult.body;
        if (!out.headers.contains("content-type"))
            out.headers.set("Content-Type", "application/json");
    }
    // $context.responseOverride, from the request or the response template, has the last word.
    const transform::MappingOverrides &overrides = ctx->mappingOverrides;
    if (overrides.status) {
        out.status = *overrides.status;
        if (ctx->tracing())
            ctx->log(phase, QStringLiteral("Method response status overridden by mapping template: %1").arg(out.status));
    }
    for (const auto &h : overrides.responseHeaders)
        out.headers.set(h.first.toLatin1(), h.second.toUtf8());
    if (ctx->tracing()) {
        ctx->log(phase, QStringLiteral("Method response body after transformations: %1").arg(ctx->traceBody(out.body)));
        ctx->log(phase, QStringLiteral("Method response headers: %1").arg(ctx->traceHeaders(out.headers)));
    }
    if (ctx->tracing())
        ctx->log(phase, QStringLiteral("Successfully completed execution"));
    return PhaseResult::Continue;
}

} // namespace gw::pipeline
