#include "functionruntime.h"

#include "jsfunctionhost.h"

#include "gateway/core/ids.h"
#include "gateway/core/jsonutil.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QThread>

namespace gw::functions {

using pipeline::EndpointResult;

FunctionRuntime::FunctionRuntime(pipeline::UpstreamTransport *transport, QObject *parent)
    : QObject(parent), m_transport(transport)
{
}

FunctionRuntime::~FunctionRuntime()
{
    if (m_jsThread) {
        m_host->interruptNow();
        m_jsThread->quit();
        m_jsThread->wait();
        delete m_jsThread;
    }
}

FunctionRuntime::Cancel FunctionRuntime::invoke(const model::Function *function, const QByteArray &eventJson,
                                                const InvokeOptions &options, Callback done)
{
    const quint64 id = m_nextId++;
    m_pending.insert(id, std::move(done));
    const QString requestId = options.requestId.isEmpty() ? gw::newRequestId() : options.requestId;
    FunctionResult refused;
    if (!function) {
        refused.invokeError = FunctionResult::InvokeError::NotFound;
        refused.invokeErrorMessage = QStringLiteral("Function not found");
    } else if (eventJson.size() > kMaxPayloadBytes) {
        refused.invokeError = FunctionResult::InvokeError::PayloadTooLarge;
        refused.invokeErrorMessage = QStringLiteral("Request must be smaller than %1 bytes for the InvokeFunction operation").arg(kMaxPayloadBytes);
    }
    if (refused.invokeError != FunctionResult::InvokeError::None) {
        deliverLater(id, std::move(refused));
        return [this, id] { m_pending.remove(id); };
    }
    if (options.asynchronous) {
        // Lambda queues the event and answers 202 with an empty body; the run's result is dropped.
        FunctionResult accepted;
        deliverLater(id, accepted);
        const quint64 background = m_nextId++;
        m_pending.insert(background, [](FunctionResult) {});
        if (function->runtime == QLatin1String("endpoint"))
            invokeEndpoint(*function, eventJson, {requestId, true, options.traceHeader}, background);
        else
            invokeJavaScript(*function, eventJson, requestId, background);
        return [this, id] { m_pending.remove(id); };
    }
    Cancel cancel = function->runtime == QLatin1String("endpoint") ? invokeEndpoint(*function, eventJson, {requestId, false, options.traceHeader}, id)
                                                                   : invokeJavaScript(*function, eventJson, requestId, id);
    return [this, id, cancel] {
        m_pending.remove(id);
        if (cancel)
            cancel();
    };
}

FunctionRuntime::Cancel FunctionRuntime::invokeJavaScript(const model::Function &function, const QByteArray &eventJson,
                                                          const QString &requestId, quint64 id)
{
    if (!m_jsThread) {
        m_jsThread = new QThread;
        m_jsThread->setObjectName(QStringLiteral("gw-functions"));
        m_host = new JsFunctionHost;
        m_host->moveToThread(m_jsThread);
        connect(m_jsThread, &QThread::finished, m_host, &QObject::deleteLater);
        m_jsThread->start();
    }
    JsInvocation inv;
    inv.id = id;
    inv.function = function;
    inv.event = eventJson;
    inv.requestId = requestId;
    QPointer<FunctionRuntime> self(this);
    inv.done = [self, id](FunctionResult result) {
        // On the JavaScript thread: hand the result back to ours.
        QMetaObject::invokeMethod(self.data(), [self, id, result = std::move(result)]() mutable {
            if (self)
                self->deliver(id, std::move(result));
        }, Qt::QueuedConnection);
    };
    JsFunctionHost *host = m_host;
    QMetaObject::invokeMethod(host, [host, inv = std::move(inv)]() mutable { host->enqueue(std::move(inv)); }, Qt::QueuedConnection);
    return [host, id] { QMetaObject::invokeMethod(host, [host, id] { host->cancel(id); }, Qt::QueuedConnection); };
}

FunctionRuntime::Cancel FunctionRuntime::invokeEndpoint(const model::Function &function, const QByteArray &eventJson,
                                                        const InvokeOptions &options, quint64 id)
{
    pipeline::EndpointRequest request;
    request.method = "POST";
    QUrl url(function.endpointUrl);
    QString path = url.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    url.setPath(path + QString::fromLatin1(invokePath()));
    request.url = url;
    request.headers.set("Content-Type", "application/json");
    request.headers.set("X-Amz-Invocation-Type", options.asynchronous ? "Event" : "RequestResponse");
    if (!options.traceHeader.isEmpty())
        request.headers.set("X-Amzn-Trace-Id", options.traceHeader.toLatin1());
    request.body = eventJson;
    // The runtime enforces the function's timeout itself; allow it a moment to say so.
    request.timeoutMs = qMax(1, function.timeoutSeconds) * 1000 + 2000;
    QPointer<FunctionRuntime> self(this);
    return m_transport->send(request, [self, id, function, requestId = options.requestId](EndpointResult answer) {
        if (self)
            self->deliver(id, endpointResult(answer, function, requestId));
    });
}

FunctionResult endpointResult(const EndpointResult &answer, const model::Function &function, const QString &requestId)
{
    FunctionResult r;
    switch (answer.error) {
    case EndpointResult::Error::None:
        break;
    case EndpointResult::Error::Timeout:
        r.functionError = true;
        r.timedOut = true;
        r.errorType = QStringLiteral("Sandbox.Timedout");
        r.errorMessage = QStringLiteral("RequestId: %1 Error: Task timed out after %2 seconds")
                             .arg(requestId, QString::number(function.timeoutSeconds, 'f', 2));
        r.payload = gw::toCompactJson(QJsonObject{{QStringLiteral("errorType"), r.errorType}, {QStringLiteral("errorMessage"), r.errorMessage}});
        return r;
    default:
        r.invokeError = FunctionResult::InvokeError::Unreachable;
        r.invokeErrorMessage = QStringLiteral("%1: %2").arg(function.endpointUrl, answer.errorMessage);
        return r;
    }
    if (answer.status < 200 || answer.status > 299) {
        r.invokeError = FunctionResult::InvokeError::ServiceError;
        r.invokeErrorMessage = QStringLiteral("runtime endpoint answered %1: %2").arg(answer.status).arg(QString::fromUtf8(answer.body.left(512)));
        return r;
    }
    r.payload = answer.body.isEmpty() ? QByteArray("null") : answer.body;
    const QJsonObject object = QJsonDocument::fromJson(answer.body).object();
    // Lambda flags errors with X-Amz-Function-Error; the Runtime Interface Emulator only sends
    // the error object, so an object of exactly that shape counts as an error too.
    bool shapedLikeError = object.contains(QStringLiteral("errorMessage")) && object.contains(QStringLiteral("errorType"));
    for (auto it = object.begin(); shapedLikeError && it != object.end(); ++it) {
        static const QStringList errorKeys{QStringLiteral("errorMessage"), QStringLiteral("errorType"), QStringLiteral("trace"),
                                           QStringLiteral("stackTrace"), QStringLiteral("requestId")};
        shapedLikeError = errorKeys.contains(it.key());
    }
    if (answer.headers.contains("x-amz-function-error") || shapedLikeError) {
        r.functionError = true;
        r.errorType = object.value(QStringLiteral("errorType")).toString();
        r.errorMessage = object.value(QStringLiteral("errorMessage")).toString();
    }
    const QByteArray tail = answer.headers.value("x-amz-log-result");
    if (!tail.isEmpty())
        r.logs = QString::fromUtf8(QByteArray::fromBase64(tail)).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    return r;
}

void FunctionRuntime::deliver(quint64 id, FunctionResult result)
{
    auto it = m_pending.find(id);
    if (it == m_pending.end())
        return;
    Callback done = std::move(*it);
    m_pending.erase(it);
    done(std::move(result));
}

void FunctionRuntime::deliverLater(quint64 id, FunctionResult result)
{
    QMetaObject::invokeMethod(this, [this, id, result = std::move(result)]() mutable { deliver(id, std::move(result)); },
                              Qt::QueuedConnection);
}

} // namespace gw::functions
