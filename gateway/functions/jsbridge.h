#pragma once

#include <QObject>

namespace gw::functions {

class JsFunctionHost;
class JsSandbox;

// The two calls JavaScript makes into the host, handed only to the bootstrap's closure so that
// function code cannot reach it. Each sandbox has its own bridge, so the host knows which
// function's engine is speaking and ignores every engine but the running one.
// Thread contract: the JavaScript thread.
class JsBridge : public QObject
{
    Q_OBJECT
public:
    JsBridge(JsFunctionHost *host, const JsSandbox *sandbox) : m_host(host), m_sandbox(sandbox) {}
    Q_INVOKABLE void log(const QString &level, const QString &message);
    Q_INVOKABLE void settle(bool ok, const QString &payload);

private:
    JsFunctionHost *m_host;
    const JsSandbox *m_sandbox;
};

} // namespace gw::functions
