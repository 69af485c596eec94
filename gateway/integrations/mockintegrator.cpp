#include "mockintegrator.h"

#include <QRegularExpression>

namespace gw::integrations {

std::optional<int> mockStatusCode(const QByteArray &rendered)
{
    static const QRegularExpression re(QStringLiteral("[\"']?statusCode[\"']?\\s*:\\s*[\"']?(\\d{3})[\"']?"));
    const auto m = re.match(QString::fromUtf8(rendered));
    if (!m.hasMatch())
        return std::nullopt;
    return m.captured(1).toInt();
}

pipeline::PhaseResult MockIntegrator::invoke(const std::shared_ptr<pipeline::RequestContext> &ctx,
                                             const pipeline::Phase::Resume &)
{
    const auto &integration = *ctx->method->method.integration;
    int status = 200;
    if (!integration.requestTemplates.isEmpty()) {
        const QByteArray &rendered = ctx->endpointRequest.body;
        auto cached = m_parsed.constFind(rendered);
        std::optional<int> code;
        if (cached != m_parsed.cend()) {
            code = *cached;
        } else {
            code = mockStatusCode(rendered);
            if (code && m_parsed.size() < 1024)
                m_parsed.insert(rendered, *code);
        }
        if (!code) {
            ctx->fail({QStringLiteral("API_CONFIGURATION_ERROR"), QStringLiteral("Internal server error"), false,
                       QStringLiteral("Execution failed due to configuration error: Unable to parse statusCode. "
                                      "It should be an integer that is defined in the request template.")});
            return pipeline::PhaseResult::Respond;
        }
        status = *code;
    }
    ctx->endpointResult = {};
    ctx->endpointResult.status = status;
    return pipeline::PhaseResult::Continue;
}

} // namespace gw::integrations
