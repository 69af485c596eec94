#include "functionauthorizerinvoker.h"

#include <QElapsedTimer>
#include <QTimer>

namespace gw::integrations {

namespace {

// Shared by the call's callback and its timeout timer: whichever comes first answers.
struct PendingCall
{
    bool finished = false;
    QTimer timer;
    QElapsedTimer clock;
    std::function<void()> cancel;
};

using Result = auth::AuthorizerInvoker::Result;

Result fromFunction(const functions::FunctionResult &r)
{
    Result out;
    out.logs = r.logs;
    out.latencyMs = r.durationMs;
    out.payload = r.payload;
    if (r.invokeError != functions::FunctionResult::InvokeError::None)
        out.error = r.invokeErrorMessage;
    else if (r.functionError && r.errorMessage == QLatin1String("Unauthorized"))
        out.unauthorized = true;
    else if (r.functionError) {
        out.error = QStringLiteral("the function failed: %1").arg(r.errorMessage);
        out.timedOut = r.timedOut;
    }
    return out;
}

Result fromEndpoint(const pipeline::EndpointResult &r)
{
    Result out;
    out.payload = r.body;
    if (r.error != pipeline::EndpointResult::Error::None)
        out.error = r.errorMessage.isEmpty() ? QStringLiteral("the authorizer endpoint could not be reached") : r.errorMessage;
    else if (r.status == 401)
        out.unauthorized = true;
    else if (r.status < 200 || r.status > 299)
        out.error = QStringLiteral("the authorizer endpoint answered with status %1").arg(r.status);
    return out;
}

} // namespace

auth::AuthorizerInvoker::Cancel FunctionAuthorizerInvoker::invoke(const model::Function *function, const QUrl &endpoint,
                                                                  const QByteArray &event, const QString &requestId, int timeoutMs,
                                                                  Callback done)
{
    auto pending = std::make_shared<PendingCall>();
    pending->clock.start();
    auto finish = [pending, done](Result r) {
        if (pending->finished)
            return;
        pending->finished = true;
        pending->timer.stop();
        QObject::disconnect(&pending->timer, nullptr, nullptr, nullptr);
        if (r.latencyMs == 0)
            r.latencyMs = pending->clock.elapsed();
        done(std::move(r));
    };
    pending->timer.setSingleShot(true);
    QObject::connect(&pending->timer, &QTimer::timeout, [pending, finish] {
        if (pending->cancel)
            pending->cancel();
        Result r;
        r.timedOut = true;
        r.error = QStringLiteral("no answer within %1 ms").arg(pending->clock.elapsed());
        finish(r);
    });
    pending->timer.start(timeoutMs);
    if (function) {
        functions::InvokeOptions options;
        options.requestId = requestId;
        pending->cancel = m_runtime->invoke(function, event, options, [finish](functions::FunctionResult r) { finish(fromFunction(r)); });
    } else {
        pipeline::EndpointRequest request;
        request.method = "POST";
        request.url = endpoint;
        request.headers.append("Content-Type", "application/json");
        request.headers.append("Accept", "application/json");
        request.body = event;
        request.timeoutMs = timeoutMs;
        pending->cancel = m_transport->send(request, [finish](pipeline::EndpointResult r) { finish(fromEndpoint(r)); });
    }
    return [pending] {
        pending->finished = true;
        pending->timer.stop();
        QObject::disconnect(&pending->timer, nullptr, nullptr, nullptr);
        if (pending->cancel)
            pending->cancel();
    };
}

} // namespace gw::integrations
