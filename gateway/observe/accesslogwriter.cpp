#include "accesslogwriter.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace gw::observe {

AccessLogWriter::AccessLogWriter(QString path, qint64 maxBytes, int keepFiles, qsizetype queueLimit)
    : m_path(std::move(path)), m_maxBytes(maxBytes), m_keepFiles(keepFiles), m_queueLimit(queueLimit)
{
    m_thread = std::thread([this] { run(); });
}

AccessLogWriter::~AccessLogWriter()
{
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_all();
    m_thread.join();
}

void AccessLogWriter::append(const QString &line)
{
    QByteArray bytes = line.toUtf8();
    bytes += '\n';
    {
        std::lock_guard lock(m_mutex);
        if (qsizetype(m_queue.size()) >= m_queueLimit) {
            m_queue.pop_front();
            ++m_dropped;
        }
        m_queue.push_back(std::move(bytes));
    }
    m_wake.notify_one();
}

void AccessLogWriter::flush()
{
    std::unique_lock lock(m_mutex);
    m_idle.wait(lock, [this] { return m_queue.empty() && !m_busy; });
}

QString AccessLogWriter::lastError() const
{
    std::lock_guard lock(m_mutex);
    return m_error;
}

void AccessLogWriter::rotate()
{
    for (int i = m_keepFiles - 1; i >= 1; --i) {
        const QString from = m_path + QLatin1Char('.') + QString::number(i);
        const QString to = m_path + QLatin1Char('.') + QString::number(i + 1);
        if (QFile::exists(from)) {
            QFile::remove(to);
            QFile::rename(from, to);
        }
    }
    const QString first = m_path + QStringLiteral(".1");
    QFile::remove(first);
    QFile::rename(m_path, first);
}

void AccessLogWriter::run()
{
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    QFile file(m_path);
    for (;;) {
        std::deque<QByteArray> batch;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [this] { return m_stop || !m_queue.empty(); });
            if (m_queue.empty() && m_stop)
                return;
            batch.swap(m_queue);
            m_busy = true;
        }
        QString error;
        for (QByteArray &line : batch) {
            if (!file.isOpen() && !file.open(QIODevice::Append | QIODevice::WriteOnly)) {
                error = file.errorString();
                m_dropped += 1;
                continue;
            }
            if (m_maxBytes > 0 && file.size() > 0 && file.size() + line.size() > m_maxBytes) {
                file.close();
                rotate();
                if (!file.open(QIODevice::Append | QIODevice::WriteOnly)) {
                    error = file.errorString();
                    m_dropped += 1;
                    continue;
                }
            }
            if (file.write(line) == line.size())
                ++m_written;
            else
                ++m_dropped;
        }
        file.flush();
        {
            std::lock_guard lock(m_mutex);
            if (!error.isEmpty())
                m_error = error;
            m_busy = false;
        }
        m_idle.notify_all();
    }
}

} // namespace gw::observe
