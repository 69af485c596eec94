#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <functional>

namespace gw::model {
struct Function;
}

namespace gw::auth {

// Runs a Lambda authorizer: a project function, or (Gatewright extension) an HTTP endpoint that
// gets the event POSTed as JSON. Implemented next to the function runtime and upstream client;
// one instance per engine thread.
// Thread contract: call on the engine thread; the callback runs there, never inside invoke().
class AuthorizerInvoker
{
public:
    struct Result
    {
        QByteArray payload;        // the authorizer's JSON output
        bool unauthorized = false; // the function failed with exactly "Unauthorized" / the endpoint said 401
        bool timedOut = false;
        QString error;             // invoke or function failure; empty when the call worked
        QStringList logs;          // the function's log lines
        qint64 latencyMs = 0;
    };
    using Callback = std::function<void(Result)>;
    using Cancel = std::function<void()>;

    virtual ~AuthorizerInvoker() = default;
    // `function` for function authorizers (null: not found), else `endpoint`.
    virtual Cancel invoke(const model::Function *function, const QUrl &endpoint, const QByteArray &event,
                          const QString &requestId, int timeoutMs, Callback done) = 0;
};

} // namespace gw::auth
