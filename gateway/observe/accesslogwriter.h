#pragma once

#include <QByteArray>
#include <QString>

#include <atomic>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

namespace gw::observe {

// Appends access-log lines to a file from a thread of its own, so the request path only queues
// a line. Rotates by size (file → file.1 → … → file.N). The queue is bounded; when the disk
// falls behind, the oldest queued lines are dropped and counted — never silently.
// Thread contract: append() and the counters from any thread.
class AccessLogWriter
{
public:
    explicit AccessLogWriter(QString path, qint64 maxBytes = 10 * 1024 * 1024, int keepFiles = 5,
                             qsizetype queueLimit = 100000);
    ~AccessLogWriter();
    AccessLogWriter(const AccessLogWriter &) = delete;
    AccessLogWriter &operator=(const AccessLogWriter &) = delete;

    void append(const QString &line);
    // Blocks until every queued line is on disk (tests, shutdown).
    void flush();
    quint64 written() const { return m_written; }
    quint64 dropped() const { return m_dropped; }
    QString path() const { return m_path; }
    QString lastError() const;

private:
    void run();
    void rotate();

    QString m_path;
    qint64 m_maxBytes;
    int m_keepFiles;
    qsizetype m_queueLimit;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::condition_variable m_idle;
    std::deque<QByteArray> m_queue;
    bool m_stop = false;
    bool m_busy = false;
    QString m_error;
    std::atomic<quint64> m_written{0};
    std::atomic<quint64> m_dropped{0};
    std::thread m_thread;
};

} // namespace gw::observe
