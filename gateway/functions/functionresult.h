#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace gw::functions {

// What one invocation came to, in the terms of Lambda's Invoke API: a payload (the result's
// JSON text, or the error object's when functionError is set, as with X-Amz-Function-Error:
// Unhandled), the log lines the function wrote, or an invoke error when the function could not
// be invoked at all (not found, endpoint unreachable). A value type; crosses threads.
struct FunctionResult
{
    enum class InvokeError {
        None,
        NotFound,        // no such function in the project (Lambda: ResourceNotFoundException)
        Unreachable,     // a runtime endpoint refused or could not be reached
        ServiceError,    // a runtime endpoint answered with a non-2xx status
        PayloadTooLarge, // the event exceeds Lambda's 6 MB synchronous limit
    };

    QByteArray payload;          // JSON text
    bool functionError = false;  // the function failed (thrown error, timeout, out of memory...)
    bool timedOut = false;       // it ran past its timeout (also a function error, as Lambda says)
    QString errorType;           // of the function error: "Error", "Sandbox.Timedout", ...
    QString errorMessage;
    InvokeError invokeError = InvokeError::None;
    QString invokeErrorMessage;
    QStringList logs;            // "2024-05-01T10:00:00.000Z\t{requestId}\tINFO\tmessage" lines
    qint64 durationMs = 0;

    bool ok() const { return invokeError == InvokeError::None && !functionError; }
};

// Lambda's limit for synchronous invocation payloads, both ways.
inline constexpr qsizetype kMaxPayloadBytes = 6 * 1024 * 1024;

} // namespace gw::functions
