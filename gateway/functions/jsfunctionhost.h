#pragma once

#include "functionresult.h"
#include "jswatchdog.h"

#include "gateway/model/project.h"

#include <QElapsedTimer>
#include <QObject>

#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>

class QTimer;

namespace gw::functions {

class JsSandbox;

struct JsInvocation
{
    quint64 id = 0;
    model::Function function;
    QByteArray event;
    QString requestId;
    std::function<void(FunctionResult)> done;  // called on the JavaScript thread
};

// Runs JavaScript functions, one invocation at a time (so console lines belong to exactly one
// invocation and one deadline is armed at a time), each function in its own JsSandbox: its own
// QJSEngine, created on the function's first invocation on this thread and reused while its code
// and configuration stay the same, so no function sees another's globals, intrinsics,
// environment or events. At most kMaxSandboxes are kept; the least recently used goes first, as
// Lambda reclaims idle execution environments. The handler is module.exports.handler of the
// function's code, loaded as a CommonJS-style module. Time limit: the function's timeout, by a
// QTimer for promises that never settle and by JsWatchdog for code that never yields. Memory:
// JsWatchdog's resident-memory guard at memoryMb, and results over 6 MB are refused as Lambda
// refuses them. After a timeout, a memory stop or a failed init the function's sandbox is thrown
// away and a fresh one serves its next invocation, as Lambda starts a new execution environment.
// Thread contract: lives on its own JavaScript thread; every method except interruptNow() runs there.
class JsFunctionHost : public QObject
{
    Q_OBJECT
public:
    static constexpr qsizetype kMaxSandboxes = 32;

    explicit JsFunctionHost(QObject *parent = nullptr);
    ~JsFunctionHost() override;

    void enqueue(JsInvocation invocation);
    void cancel(quint64 id);  // drops a queued invocation; a running one runs to its end
    void interruptNow();      // any thread: stops whatever JavaScript runs (shutdown)

    // From a sandbox's bridge (JavaScript); only the running sandbox is listened to.
    void onLog(const JsSandbox *from, const QString &level, const QString &message);
    void onSettle(const JsSandbox *from, bool ok, const QString &payload);

private:
    JsSandbox *sandboxFor(const model::Function &function);
    void startNext();
    void start();
    void complete(quint64 id);
    void finish(FunctionResult result);

    struct Kept
    {
        std::unique_ptr<JsSandbox> sandbox;
        quint64 lastUsed = 0;
    };
    std::map<QString, Kept> m_sandboxes;  // by function name
    quint64 m_uses = 0;
    std::mutex m_runningMutex;  // guards m_running against interruptNow() from other threads
    JsSandbox *m_running = nullptr;
    bool m_discardRunning = false;  // its init failed: no environment is kept

    JsWatchdog m_watchdog;
    QTimer *m_deadline;
    std::deque<JsInvocation> m_queue;
    std::optional<JsInvocation> m_current;
    FunctionResult m_result;
    std::optional<std::pair<bool, QString>> m_settled;
    qsizetype m_logBytes = 0;
    QElapsedTimer m_clock;
};

} // namespace gw::functions
