#pragma once

#include "functionresult.h"

#include "gateway/model/project.h"
#include "gateway/pipeline/endpoint.h"

#include <QHash>
#include <QObject>

#include <functional>

class QThread;

namespace gw::functions {

class JsFunctionHost;

struct InvokeOptions
{
    QString requestId;          // the function's awsRequestId; a new UUID when empty
    bool asynchronous = false;  // InvocationType Event: answered at once (202), run in the background
    QString traceHeader = {};   // X-Amzn-Trace-Id on a runtime endpoint's Invoke request, as Lambda receives it
};

// Invokes project functions for one engine thread: JavaScript functions on this thread's own
// JavaScript thread (created on first use, never shared with another worker, so a runaway
// function never stalls the requests this thread serves; each function in its own QJSEngine
// there, see JsFunctionHost), runtime-endpoint functions
// with `POST {endpointUrl}/2015-03-31/functions/function/invocations` through the thread's
// upstream transport. The one way to run a function: integrations, authorizers and the CLI use it.
//
//   runtime->invoke(config->function(name), eventJson, {ctx->requestId}, [weak](FunctionResult r) {...});
//
// Thread contract: create and call on one thread; callbacks run on that thread, never inside
// invoke(). The returned Cancel drops the callback (and a queued JavaScript invocation).
class FunctionRuntime : public QObject
{
    Q_OBJECT
public:
    using Callback = std::function<void(FunctionResult)>;
    using Cancel = std::function<void()>;

    explicit FunctionRuntime(pipeline::UpstreamTransport *transport, QObject *parent = nullptr);
    ~FunctionRuntime() override;

    // `function` null: the result is InvokeError::NotFound.
    Cancel invoke(const model::Function *function, const QByteArray &eventJson, const InvokeOptions &options, Callback done);

    static QByteArray invokePath() { return QByteArrayLiteral("/2015-03-31/functions/function/invocations"); }

private:
    Cancel invokeJavaScript(const model::Function &function, const QByteArray &eventJson, const QString &requestId, quint64 id);
    Cancel invokeEndpoint(const model::Function &function, const QByteArray &eventJson, const InvokeOptions &options, quint64 id);
    void deliver(quint64 id, FunctionResult result);
    void deliverLater(quint64 id, FunctionResult result);

    pipeline::UpstreamTransport *m_transport;
    QThread *m_jsThread = nullptr;
    JsFunctionHost *m_host = nullptr;
    quint64 m_nextId = 1;
    QHash<quint64, Callback> m_pending;
};

// The result of a runtime endpoint's answer (Lambda Invoke API / Runtime Interface Emulator).
FunctionResult endpointResult(const pipeline::EndpointResult &answer, const model::Function &function, const QString &requestId);

} // namespace gw::functions
