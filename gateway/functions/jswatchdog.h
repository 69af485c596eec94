#pragma once

#include <QtGlobal>

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

namespace gw::functions {

// Stops runaway JavaScript from outside its thread: once armed, calls `interrupt` (which calls
// QJSEngine::setInterrupted(true), documented thread-safe) when the deadline passes, or when the
// process's resident memory has grown by more than the limit since arm() — the memory guard.
// Resident memory is process-wide, so the guard is approximate: it catches a function that
// allocates without bound, not one that stays a few megabytes over its memoryMb.
// Thread contract: arm()/disarm() from the JavaScript thread; `interrupt` runs on the watchdog's
// own thread, with the watchdog's lock held, only between arm() and disarm().
class JsWatchdog
{
public:
    enum class Reason { None, Timeout, Memory };
    using Clock = std::chrono::steady_clock;

    explicit JsWatchdog(std::function<void()> interrupt);
    ~JsWatchdog();
    JsWatchdog(const JsWatchdog &) = delete;
    JsWatchdog &operator=(const JsWatchdog &) = delete;

    void arm(Clock::time_point deadline, qint64 memoryLimitBytes);
    // Why it fired since arm(), if it did. After disarm() returns, no interrupt can follow.
    Reason disarm();

    // Resident set size of this process in bytes; 0 where /proc is not available.
    static qint64 residentBytes();

private:
    void loop();

    std::function<void()> m_interrupt;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_armed = false;
    bool m_quit = false;
    Reason m_fired = Reason::None;
    Clock::time_point m_deadline;
    qint64 m_memoryLimit = 0;
    qint64 m_baseline = 0;
    std::thread m_thread;
};

} // namespace gw::functions
