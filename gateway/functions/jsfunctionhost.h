#pragma once

#include "functionresult.h"
#include "jswatchdog.h"

#include "gateway/model/project.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJSValue>
#include <QObject>

#include <deque>
#include <mutex>
#include <functional>
#include <memory>
#include <optional>

class QJSEngine;
class QTimer;

namespace gw::functions {

struct JsInvocation
{
    quint64 id = 0;
    model::Function function;
    QByteArray event;
    QString requestId;
    std::function<void(FunctionResult)> done;  // called on the JavaScript thread
};

class JsBridge;

// Runs JavaScript functions on one QJSEngine, one invocation at a time (so console lines belong
// to exactly one invocation and one deadline is armed at a time). Each function's code is
// compiled once per engine (keyed by name and code) into a CommonJS-style module; the handler
// is module.exports.handler. Time limit: the function's timeout, by a QTimer for promises that
// never settle and by JsWatchdog for code that never yields. Memory: JsWatchdog's resident-memory
// guard at memoryMb, and results over 6 MB are refused as Lambda refuses them. After a timeout or
// a memory stop the engine is thrown away and a fresh one serves the next invocation, as Lambda
// starts a new execution environment.
// Thread contract: lives on its own JavaScript thread; every method except interruptNow() runs there.
class JsFunctionHost : public QObject
{
    Q_OBJECT
public:
    explicit JsFunctionHost(QObject *parent = nullptr);
    ~JsFunctionHost() override;

    void enqueue(JsInvocation invocation);
    void cancel(quint64 id);  // drops a queued invocation; a running one runs to its end
    void interruptNow();      // any thread: stops whatever JavaScript runs (shutdown)

    // From the bridge (JavaScript).
    void onLog(const QString &level, const QString &message);
    void onSettle(bool ok, const QString &payload);

private:
    void ensureEngine();
    void resetEngine();
    void startNext();
    void start();
    bool compile(const model::Function &function, QJSValue *handler, FunctionResult *failure);
    void complete(quint64 id);
    void finish(FunctionResult result);

    std::mutex m_engineMutex;  // guards m_engine against interruptNow() from other threads
    std::unique_ptr<QJSEngine> m_engine;
    JsBridge *m_bridge = nullptr;
    QJSValue m_runtime;
    struct Compiled
    {
        QByteArray codeHash;
        QJSValue handler;
    };
    QHash<QString, Compiled> m_compiled;

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
