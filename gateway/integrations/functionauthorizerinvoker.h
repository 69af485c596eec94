#pragma once

#include "gateway/auth/authorizerinvoker.h"
#include "gateway/functions/functionruntime.h"
#include "gateway/pipeline/endpoint.h"

namespace gw::integrations {

// Runs Lambda authorizers on this engine thread: project functions through the thread's
// FunctionRuntime, HTTP authorizers (a Gatewright extension) by POSTing the event as JSON with
// the thread's upstream transport. A function that fails with exactly "Unauthorized", or an
// endpoint answering 401, means 401 for the client (reference §5.4).
class FunctionAuthorizerInvoker final : public auth::AuthorizerInvoker
{
public:
    FunctionAuthorizerInvoker(functions::FunctionRuntime *runtime, pipeline::UpstreamTransport *transport)
        : m_runtime(runtime), m_transport(transport) {}

    Cancel invoke(const model::Function *function, const QUrl &endpoint, const QByteArray &event, const QString &requestId,
                  int timeoutMs, Callback done) override;

private:
    functions::FunctionRuntime *m_runtime;
    pipeline::UpstreamTransport *m_transport;
};

} // namespace gw::integrations
