#pragma once

#include <QObject>

namespace gw::functions {

class JsFunctionHost;

// The two calls JavaScript makes into the host, handed only to the bootstrap's closure so that
// function code cannot reach it. Thread contract: the JavaScript thread.
class JsBridge : public QObject
{
    Q_OBJECT
public:
    JsBridge(JsFunctionHost *host, QObject *parent) : QObject(parent), m_host(host) {}
    Q_INVOKABLE void log(const QString &level, const QString &message);
    Q_INVOKABLE void settle(bool ok, const QString &payload);

private:
    JsFunctionHost *m_host;
};

} // namespace gw::functions
