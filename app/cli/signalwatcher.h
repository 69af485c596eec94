#pragma once

#include <QObject>

class QSocketNotifier;

namespace gw::cli {

// Turns SIGINT and SIGTERM into a Qt signal on the main thread (self-pipe: the handler only
// writes one byte, which is async-signal-safe).
class SignalWatcher : public QObject
{
    Q_OBJECT
public:
    explicit SignalWatcher(QObject *parent = nullptr);
    ~SignalWatcher() override;

signals:
    void terminate();

private:
    QSocketNotifier *m_notifier = nullptr;
};

} // namespace gw::cli
