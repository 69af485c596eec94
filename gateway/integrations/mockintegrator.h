#pragma once

#include "gateway/pipeline/integrator.h"

#include <QHash>

namespace gw::integrations {

// MOCK: no endpoint. The status comes from the rendered request template's "statusCode"
// (lenient, as AWS's parser is: {statusCode: 200} works); no template means 200.
class MockIntegrator final : public pipeline::Integrator
{
public:
    pipeline::PhaseResult invoke(const std::shared_ptr<pipeline::RequestContext> &ctx,
                                 const pipeline::Phase::Resume &resume) override;

private:
    // Most MOCK templates render the same text every time: remember what each text parsed to.
    QHash<QByteArray, int> m_parsed;
};

// The statusCode a MOCK request template produced, or nullopt when it cannot be read.
std::optional<int> mockStatusCode(const QByteArray &renderedTemplate);

} // namespace gw::integrations
