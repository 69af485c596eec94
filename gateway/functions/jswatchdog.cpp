#include "jswatchdog.h"

#include <QFile>

#include <unistd.h>

namespace gw::functions {

namespace {
constexpr auto kMemoryPollInterval = std::chrono::milliseconds(20);
}

JsWatchdog::JsWatchdog(std::function<void()> interrupt)
    : m_interrupt(std::move(interrupt)), m_thread([this] { loop(); })
{
}

JsWatchdog::~JsWatchdog()
{
    {
        std::lock_guard lock(m_mutex);
        m_quit = true;
    }
    m_wake.notify_all();
    m_thread.join();
}

void JsWatchdog::arm(Clock::time_point deadline, qint64 memoryLimitBytes)
{
    {
        std::lock_guard lock(m_mutex);
        m_armed = true;
        m_fired = Reason::None;
        m_deadline = deadline;
        m_memoryLimit = memoryLimitBytes;
        m_baseline = memoryLimitBytes > 0 ? residentBytes() : 0;
    }
    m_wake.notify_all();
}

JsWatchdog::Reason JsWatchdog::disarm()
{
    std::lock_guard lock(m_mutex);
    m_armed = false;
    return m_fired;
}

qint64 JsWatchdog::residentBytes()
{
    QFile statm(QStringLiteral("/proc/self/statm"));
    if (!statm.open(QIODevice::ReadOnly))
        return 0;
    const QList<QByteArray> fields = statm.readAll().split(' ');
    if (fields.size() < 2)
        return 0;
    return fields[1].toLongLong() * sysconf(_SC_PAGESIZE);
}

void JsWatchdog::loop()
{
    std::unique_lock lock(m_mutex);
    while (!m_quit) {
        if (!m_armed || m_fired != Reason::None) {
            m_wake.wait(lock);
            continue;
        }
        const bool watchMemory = m_memoryLimit > 0 && m_baseline > 0;
        const auto wakeAt = watchMemory ? std::min(m_deadline, Clock::now() + kMemoryPollInterval) : m_deadline;
        m_wake.wait_until(lock, wakeAt);
        if (m_quit || !m_armed || m_fired != Reason::None)
            continue;
        if (Clock::now() >= m_deadline)
            m_fired = Reason::Timeout;
        else if (watchMemory && residentBytes() - m_baseline > m_memoryLimit)
            m_fired = Reason::Memory;
        if (m_fired != Reason::None)
            m_interrupt();
    }
}

} // namespace gw::functions
