#include "jsfunctionhost.h"

#include "asynclowering.h"
#include "jsbootstrap.h"
#include "jsbridge.h"

#include "gateway/core/jsonutil.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QJSEngine>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

namespace gw::functions {

namespace {

constexpr qsizetype kMaxLogLines = 1000;
constexpr qsizetype kMaxLogBytes = 256 * 1024;
// The watchdog fires a little after the QTimer so that an idle engine (a promise that never
// settles) is timed out by the timer, and only code that holds the thread needs interrupting.
constexpr int kWatchdogGraceMs = 50;
const QString kRunner = QStringLiteral("__gwAsync");

FunctionResult functionError(const QString &type, const QString &message)
{
    FunctionResult r;
    r.functionError = true;
    r.errorType = type;
    r.errorMessage = message;
    r.payload = gw::toCompactJson(QJsonObject{{QStringLiteral("errorType"), type}, {QStringLiteral("errorMessage"), message}});
    return r;
}

FunctionResult fromPayload(bool ok, const QByteArray &payload)
{
    FunctionResult r;
    r.payload = payload;
    if (!ok) {
        const QJsonObject error = QJsonDocument::fromJson(payload).object();
        r.functionError = true;
        r.errorType = error.value(QStringLiteral("errorType")).toString();
        r.errorMessage = error.value(QStringLiteral("errorMessage")).toString();
    }
    return r;
}

} // namespace

void JsBridge::log(const QString &level, const QString &message)
{
    m_host->onLog(level, message);
}

void JsBridge::settle(bool ok, const QString &payload)
{
    m_host->onSettle(ok, payload);
}

JsFunctionHost::JsFunctionHost(QObject *parent)
    : QObject(parent),
      m_watchdog([this] { interruptNow(); }),
      m_deadline(new QTimer(this))
{
    m_deadline->setSingleShot(true);
    connect(m_deadline, &QTimer::timeout, this, [this] {
        if (!m_current)
            return;
        FunctionResult r = functionError(QStringLiteral("Sandbox.Timedout"),
                                         QStringLiteral("RequestId: %1 Error: Task timed out after %2 seconds")
                                             .arg(m_current->requestId, QString::number(m_current->function.timeoutSeconds, 'f', 2)));
        r.timedOut = true;
        finish(std::move(r));
    });
}

JsFunctionHost::~JsFunctionHost()
{
    m_compiled.clear();
    m_runtime = QJSValue();
    std::lock_guard lock(m_engineMutex);
    m_engine.reset();
}

void JsFunctionHost::interruptNow()
{
    std::lock_guard lock(m_engineMutex);
    if (m_engine)
        m_engine->setInterrupted(true);
}

void JsFunctionHost::ensureEngine()
{
    if (m_engine)
        return;
    auto engine = std::make_unique<QJSEngine>();
    m_bridge = new JsBridge(this, this);
    const QJSValue bootstrap = engine->evaluate(jsBootstrapSource(), QStringLiteral("gatewright-bootstrap.js"));
    m_runtime = bootstrap.call({engine->newQObject(m_bridge), engine->globalObject()});
    Q_ASSERT(!m_runtime.isError());
    std::lock_guard lock(m_engineMutex);
    m_engine = std::move(engine);
}

void JsFunctionHost::resetEngine()
{
    m_compiled.clear();
    m_runtime = QJSValue();
    {
        std::lock_guard lock(m_engineMutex);
        m_engine.reset();
    }
    delete m_bridge;
    m_bridge = nullptr;
}

void JsFunctionHost::enqueue(JsInvocation invocation)
{
    m_queue.push_back(std::move(invocation));
    if (!m_current)
        startNext();
}

void JsFunctionHost::cancel(quint64 id)
{
    for (auto it = m_queue.begin(); it != m_queue.end(); ++it) {
        if (it->id == id) {
            m_queue.erase(it);
            return;
        }
    }
}

void JsFunctionHost::startNext()
{
    if (m_current || m_queue.empty())
        return;
    m_current = std::move(m_queue.front());
    m_queue.pop_front();
    start();
}

bool JsFunctionHost::compile(const model::Function &function, QJSValue *handler, FunctionResult *failure)
{
    const QByteArray hash = QCryptographicHash::hash(function.code.toUtf8(), QCryptographicHash::Sha1);
    const auto cached = m_compiled.constFind(function.name);
    if (cached != m_compiled.cend() && cached->codeHash == hash) {
        *handler = cached->handler;
        return true;
    }
    const AsyncLowering::Result lowered = AsyncLowering::lower(function.code, kRunner);
    // The wrapper keeps the code on its own first line, so line numbers match the editor's.
    const QString source = QStringLiteral("(function (exports, module, %1) {").arg(kRunner) + lowered.source + QStringLiteral("\n})");
    const QJSValue moduleFunction = m_engine->evaluate(source, function.name + QStringLiteral(".js"));
    if (moduleFunction.isError()) {
        *failure = functionError(QStringLiteral("Runtime.UserCodeSyntaxError"), moduleFunction.toString());
        return false;
    }
    const QJSValue loaded = m_runtime.property(QStringLiteral("load")).call({moduleFunction});
    if (loaded.isError()) {  // interrupted
        *failure = functionError(QStringLiteral("Runtime.Unknown"), loaded.toString());
        return false;
    }
    if (!loaded.property(QStringLiteral("ok")).toBool()) {
        *failure = fromPayload(false, loaded.property(QStringLiteral("error")).toString().toUtf8());
        return false;
    }
    const QJSValue exported = loaded.property(QStringLiteral("exports")).property(QStringLiteral("handler"));
    if (!exported.isCallable()) {
        *failure = functionError(QStringLiteral("Runtime.HandlerNotFound"), QStringLiteral("index.handler is undefined or not exported"));
        return false;
    }
    m_compiled.insert(function.name, {hash, exported});
    *handler = exported;
    return true;
}

void JsFunctionHost::start()
{
    const JsInvocation &inv = *m_current;
    m_result = {};
    m_settled.reset();
    m_logBytes = 0;
    m_clock.start();
    const int timeoutMs = qMax(1, inv.function.timeoutSeconds) * 1000;
    ensureEngine();
    m_watchdog.arm(JsWatchdog::Clock::now() + std::chrono::milliseconds(timeoutMs + kWatchdogGraceMs),
                   qint64(qMax(1, inv.function.memoryMb)) * 1024 * 1024);
    m_deadline->start(timeoutMs);

    QJSValue handler;
    FunctionResult failure;
    if (!compile(inv.function, &handler, &failure)) {
        finish(std::move(failure));
        return;
    }
    QJSValue env = m_engine->newObject();
    env.setProperty(QStringLiteral("AWS_LAMBDA_FUNCTION_NAME"), inv.function.name);
    env.setProperty(QStringLiteral("AWS_LAMBDA_FUNCTION_MEMORY_SIZE"), QString::number(inv.function.memoryMb));
    env.setProperty(QStringLiteral("AWS_LAMBDA_FUNCTION_VERSION"), QStringLiteral("$LATEST"));
    for (auto it = inv.function.environment.begin(); it != inv.function.environment.end(); ++it)
        env.setProperty(it.key(), it.value());
    QJSValue info = m_engine->newObject();
    info.setProperty(QStringLiteral("functionName"), inv.function.name);
    info.setProperty(QStringLiteral("functionArn"),
                     QString(QStringLiteral("arn:aws:lambda:us-east-1:000000000000:function:") + inv.function.name));
    info.setProperty(QStringLiteral("memoryMb"), inv.function.memoryMb);
    info.setProperty(QStringLiteral("requestId"), inv.requestId);
    info.setProperty(QStringLiteral("logStream"), QString(QStringLiteral("gatewright/[$LATEST]") + QString::number(quintptr(this), 16)));
    info.setProperty(QStringLiteral("remainingMs"), timeoutMs);
    info.setProperty(QStringLiteral("env"), env);
    const QJSValue r = m_runtime.property(QStringLiteral("run")).call({handler, QString::fromUtf8(inv.event), info});
    if (r.isError()) {  // only an interrupt gets past run()'s own try/catch
        finish(functionError(QStringLiteral("Runtime.Unknown"), r.toString()));
        return;
    }
    // Settled at once (a plain value) or later (a promise, a callback): complete() runs then.
}

void JsFunctionHost::onLog(const QString &level, const QString &message)
{
    if (!m_current)
        return;  // a leftover promise chain of a finished invocation
    if (m_result.logs.size() >= kMaxLogLines || m_logBytes >= kMaxLogBytes) {
        if (m_result.logs.size() == kMaxLogLines || m_logBytes < kMaxLogBytes + 1) {
            m_result.logs.append(QStringLiteral("[log output truncated]"));
            m_logBytes = kMaxLogBytes + 1;
        }
        return;
    }
    const QString line = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs) + QLatin1Char('\t') + m_current->requestId
                         + QLatin1Char('\t') + level + QLatin1Char('\t') + message;
    m_logBytes += line.size();
    m_result.logs.append(line);
}

void JsFunctionHost::onSettle(bool ok, const QString &payload)
{
    if (!m_current || m_settled)
        return;
    m_settled = std::make_pair(ok, payload);
    // Complete on a later turn: settle() is called from inside JavaScript, and completing starts
    // the next invocation.
    QMetaObject::invokeMethod(this, [this, id = m_current->id] { complete(id); }, Qt::QueuedConnection);
}

void JsFunctionHost::complete(quint64 id)
{
    if (!m_current || m_current->id != id || !m_settled)
        return;
    const QByteArray payload = m_settled->second.toUtf8();
    if (payload.size() > kMaxPayloadBytes) {
        finish(functionError(QStringLiteral("Function.ResponseSizeTooLarge"),
                             QStringLiteral("Response payload size exceeded maximum allowed payload size (%1 bytes).").arg(kMaxPayloadBytes)));
        return;
    }
    finish(fromPayload(m_settled->first, payload));
}

void JsFunctionHost::finish(FunctionResult result)
{
    m_deadline->stop();
    const JsWatchdog::Reason stopped = m_watchdog.disarm();
    const QString requestId = m_current->requestId;
    if (stopped == JsWatchdog::Reason::Memory) {
        result = functionError(QStringLiteral("Runtime.OutOfMemory"),
                               QStringLiteral("RequestId: %1 Error: Runtime exited with error: signal: killed").arg(requestId));
    } else if (stopped == JsWatchdog::Reason::Timeout && !m_settled) {
        result = functionError(QStringLiteral("Sandbox.Timedout"),
                               QStringLiteral("RequestId: %1 Error: Task timed out after %2 seconds")
                                   .arg(requestId, QString::number(m_current->function.timeoutSeconds, 'f', 2)));
        result.timedOut = true;
    }
    result.logs = std::move(m_result.logs);
    result.durationMs = m_clock.elapsed();
    JsInvocation done = std::move(*m_current);
    m_current.reset();
    m_settled.reset();
    if (stopped != JsWatchdog::Reason::None || result.timedOut)
        resetEngine();
    done.done(std::move(result));
    QMetaObject::invokeMethod(this, &JsFunctionHost::startNext, Qt::QueuedConnection);
}

} // namespace gw::functions
