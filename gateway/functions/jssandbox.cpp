#include "jssandbox.h"

#include "asynclowering.h"
#include "jsbootstrap.h"
#include "jsbridge.h"
#include "jsfunctionhost.h"

#include "gateway/core/jsonutil.h"

#include <QJSEngine>
#include <QJsonDocument>
#include <QJsonObject>

namespace gw::functions {

namespace {
const QString kRunner = QStringLiteral("__gwAsync");
}

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

void JsBridge::log(const QString &level, const QString &message)
{
    m_host->onLog(m_sandbox, level, message);
}

void JsBridge::settle(bool ok, const QString &payload)
{
    m_host->onSettle(m_sandbox, ok, payload);
}

JsSandbox::JsSandbox(JsFunctionHost *host, const model::Function &function)
    : m_function(function), m_bridge(std::make_unique<JsBridge>(host, this)), m_engine(std::make_unique<QJSEngine>())
{
    // The bridge has no parent: without this the engine would own it and could collect it.
    QJSEngine::setObjectOwnership(m_bridge.get(), QJSEngine::CppOwnership);
    const QJSValue bootstrap = m_engine->evaluate(jsBootstrapSource(), QStringLiteral("gatewright-bootstrap.js"));
    m_runtime = bootstrap.call({m_engine->newQObject(m_bridge.get()), m_engine->globalObject()});
    Q_ASSERT(!m_runtime.isError());
    close();
}

JsSandbox::~JsSandbox()
{
    m_handler = QJSValue();
    m_runtime = QJSValue();
    m_engine.reset();
}

void JsSandbox::open()
{
    m_engine->setInterrupted(false);
}

void JsSandbox::close()
{
    m_engine->setInterrupted(true);
}

void JsSandbox::interrupt()
{
    m_engine->setInterrupted(true);  // documented thread-safe
}

bool JsSandbox::load(FunctionResult *failure)
{
    const AsyncLowering::Result lowered = AsyncLowering::lower(m_function.code, kRunner);
    // The wrapper keeps the code on its own first line, so line numbers match the editor's.
    const QString source = QStringLiteral("(function (exports, module, %1) {").arg(kRunner) + lowered.source + QStringLiteral("\n})");
    const QJSValue moduleFunction = m_engine->evaluate(source, m_function.name + QStringLiteral(".js"));
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
    m_handler = exported;
    return true;
}

QJSValue JsSandbox::run(const QByteArray &event, const QString &requestId, int timeoutMs)
{
    QJSValue env = m_engine->newObject();
    env.setProperty(QStringLiteral("AWS_LAMBDA_FUNCTION_NAME"), m_function.name);
    env.setProperty(QStringLiteral("AWS_LAMBDA_FUNCTION_MEMORY_SIZE"), QString::number(m_function.memoryMb));
    env.setProperty(QStringLiteral("AWS_LAMBDA_FUNCTION_VERSION"), QStringLiteral("$LATEST"));
    for (auto it = m_function.environment.begin(); it != m_function.environment.end(); ++it)
        env.setProperty(it.key(), it.value());
    QJSValue info = m_engine->newObject();
    info.setProperty(QStringLiteral("functionName"), m_function.name);
    info.setProperty(QStringLiteral("functionArn"),
                     QString(QStringLiteral("arn:aws:lambda:us-east-1:000000000000:function:") + m_function.name));
    info.setProperty(QStringLiteral("memoryMb"), m_function.memoryMb);
    info.setProperty(QStringLiteral("requestId"), requestId);
    // One log stream per execution environment, as on Lambda.
    info.setProperty(QStringLiteral("logStream"), QString(QStringLiteral("gatewright/[$LATEST]") + QString::number(quintptr(this), 16)));
    info.setProperty(QStringLiteral("remainingMs"), timeoutMs);
    info.setProperty(QStringLiteral("env"), env);
    return m_runtime.property(QStringLiteral("run")).call({m_handler, QString::fromUtf8(event), info});
}

} // namespace gw::functions
