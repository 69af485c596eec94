#pragma once

#include "functionresult.h"

#include "gateway/model/project.h"

#include <QJSValue>

#include <memory>

class QJSEngine;

namespace gw::functions {

class JsBridge;
class JsFunctionHost;

// One function's own JavaScript world on one worker: its own QJSEngine — so its own global
// object, intrinsics, `process.env` and module state — with the bootstrap's runtime object and
// the function's module. Nothing a function does (globals, prototypes of intrinsics, replaced
// JSON or Promise methods, a stashed event) is visible to another function, which runs in
// another sandbox. Module state lives on across warm invocations of the same function, as in a
// warm Lambda execution environment. Between invocations the engine is kept interrupted, so work
// a function leaves pending after it answers (a promise chain) never runs outside an
// invocation's time limit; it is dropped.
// Thread contract: the JavaScript thread, except interrupt() (any thread; the host keeps the
// sandbox alive meanwhile).
class JsSandbox
{
public:
    // The engine and the bootstrap, closed; no function code runs yet.
    JsSandbox(JsFunctionHost *host, const model::Function &function);
    ~JsSandbox();
    JsSandbox(const JsSandbox &) = delete;
    JsSandbox &operator=(const JsSandbox &) = delete;

    // The function (code and configuration) this sandbox was made for: any change means a new one.
    const model::Function &function() const { return m_function; }
    bool loaded() const { return m_handler.isCallable(); }

    void open();       // JavaScript may run: an invocation starts
    void close();      // until the next open(), any JavaScript in this engine stops at once
    void interrupt();  // any thread: stops the JavaScript running now

    // Runs the module's top-level code (the function's init phase); false with *failure set when
    // it does not compile, throws or exports no handler.
    bool load(FunctionResult *failure);
    // Calls the handler; the answer comes through the bridge. An error value only when the call
    // was interrupted.
    QJSValue run(const QByteArray &event, const QString &requestId, int timeoutMs);

private:
    model::Function m_function;
    std::unique_ptr<JsBridge> m_bridge;
    std::unique_ptr<QJSEngine> m_engine;
    QJSValue m_runtime;
    QJSValue m_handler;
};

// A function error as Lambda reports it: {errorType, errorMessage}.
FunctionResult functionError(const QString &type, const QString &message);
// A settled invocation's JSON text; `ok` false: the text is the error object.
FunctionResult fromPayload(bool ok, const QByteArray &payload);

} // namespace gw::functions
