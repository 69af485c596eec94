#include "jsfunctionhost.h"

#include "jssandbox.h"

#include <QDateTime>
#include <QTimer>

namespace gw::functions {

namespace {

constexpr qsizetype kMaxLogLines = 1000;
constexpr qsizetype kMaxLogBytes = 256 * 1024;
// The watchdog fires a little after the QTimer so that an idle engine (a promise that never
// settles) is timed out by the timer, and only code that holds the thread needs interrupting.
constexpr int kWatchdogGraceMs = 50;

FunctionResult timedOut(const JsInvocation &inv)
{
    FunctionResult r = functionError(QStringLiteral("Sandbox.Timedout"),
                                     QStringLiteral("RequestId: %1 Error: Task timed out after %2 seconds")
                                         .arg(inv.requestId, QString::number(inv.function.timeoutSeconds, 'f', 2)));
    r.timedOut = true;
    return r;
}

} // namespace

JsFunctionHost::JsFunctionHost(QObject *parent)
    : QObject(parent),
      m_watchdog([this] { interruptNow(); }),
      m_deadline(new QTimer(this))
{
    m_deadline->setSingleShot(true);
    connect(m_deadline, &QTimer::timeout, this, [this] {
        if (m_current)
            finish(timedOut(*m_current));
    });
}

JsFunctionHost::~JsFunctionHost()
{
    {
        std::lock_guard lock(m_runningMutex);
        m_running = nullptr;
    }
    m_sandboxes.clear();
}

void JsFunctionHost::interruptNow()
{
    std::lock_guard lock(m_runningMutex);
    if (m_running)
        m_running->interrupt();
}

JsSandbox *JsFunctionHost::sandboxFor(const model::Function &function)
{
    auto it = m_sandboxes.find(function.name);
    if (it != m_sandboxes.end() && it->second.sandbox->function() != function) {
        m_sandboxes.erase(it);  // new code or configuration: a new environment, as on Lambda
        it = m_sandboxes.end();
    }
    if (it == m_sandboxes.end()) {
        if (qsizetype(m_sandboxes.size()) >= kMaxSandboxes) {
            auto oldest = m_sandboxes.begin();
            for (auto i = m_sandboxes.begin(); i != m_sandboxes.end(); ++i)
                if (i->second.lastUsed < oldest->second.lastUsed)
                    oldest = i;
            m_sandboxes.erase(oldest);
        }
        it = m_sandboxes.emplace(function.name, Kept{std::make_unique<JsSandbox>(this, function), 0}).first;
    }
    it->second.lastUsed = ++m_uses;
    return it->second.sandbox.get();
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

void JsFunctionHost::start()
{
    const JsInvocation &inv = *m_current;
    m_result = {};
    m_settled.reset();
    m_logBytes = 0;
    m_discardRunning = false;
    m_clock.start();
    const int timeoutMs = qMax(1, inv.function.timeoutSeconds) * 1000;
    JsSandbox *sandbox = sandboxFor(inv.function);
    {
        std::lock_guard lock(m_runningMutex);
        m_running = sandbox;
    }
    sandbox->open();
    m_watchdog.arm(JsWatchdog::Clock::now() + std::chrono::milliseconds(timeoutMs + kWatchdogGraceMs),
                   qint64(qMax(1, inv.function.memoryMb)) * 1024 * 1024);
    m_deadline->start(timeoutMs);

    FunctionResult failure;
    if (!sandbox->loaded() && !sandbox->load(&failure)) {
        m_discardRunning = true;
        finish(std::move(failure));
        return;
    }
    const QJSValue r = sandbox->run(inv.event, inv.requestId, timeoutMs);
    if (r.isError()) {  // only an interrupt gets past run()'s own try/catch
        finish(functionError(QStringLiteral("Runtime.Unknown"), r.toString()));
        return;
    }
    // Settled at once (a plain value) or later (a promise, a callback): complete() runs then.
}

void JsFunctionHost::onLog(const JsSandbox *from, const QString &level, const QString &message)
{
    if (!m_current || from != m_running)
        return;  // a leftover of a finished invocation
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

void JsFunctionHost::onSettle(const JsSandbox *from, bool ok, const QString &payload)
{
    if (!m_current || from != m_running || m_settled)
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
    if (stopped == JsWatchdog::Reason::Memory) {
        result = functionError(QStringLiteral("Runtime.OutOfMemory"),
                               QStringLiteral("RequestId: %1 Error: Runtime exited with error: signal: killed").arg(m_current->requestId));
    } else if (stopped == JsWatchdog::Reason::Timeout && !m_settled) {
        result = timedOut(*m_current);
    }
    result.logs = std::move(m_result.logs);
    result.durationMs = m_clock.elapsed();
    JsSandbox *sandbox = nullptr;
    {
        std::lock_guard lock(m_runningMutex);
        std::swap(sandbox, m_running);
    }
    // Whatever the function left pending (a promise chain) must not run outside its time limit.
    sandbox->close();
    JsInvocation done = std::move(*m_current);
    m_current.reset();
    m_settled.reset();
    if (stopped != JsWatchdog::Reason::None || result.timedOut || m_discardRunning)
        m_sandboxes.erase(done.function.name);
    done.done(std::move(result));
    QMetaObject::invokeMethod(this, &JsFunctionHost::startNext, Qt::QueuedConnection);
}

} // namespace gw::functions
