#include "largestack.h"

#include <QThread>

#include <memory>

namespace gw::validate {

bool runWithStack(size_t stackBytes, const std::function<void()> &work)
{
    bool ran = false;
    std::unique_ptr<QThread> thread(QThread::create([&]() {
        ran = true;
        work();
    }));
    thread->setObjectName(QStringLiteral("gatewright-deep-schema"));
    thread->setStackSize(uint(stackBytes)); // reserved address space: pages are used as touched
    thread->start();
    thread->wait();
    return ran;
}

} // namespace gw::validate
