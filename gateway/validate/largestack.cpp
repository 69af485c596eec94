#include "largestack.h"

#include <QThread>

#include <memory>

namespace gw::validate {

void runWithStack(size_t stackBytes, const std::function<void()> &work)
{
    std::unique_ptr<QThread> thread(QThread::create(work));
    thread->setObjectName(QStringLiteral("gatewright-deep-schema"));
    thread->setStackSize(uint(stackBytes)); // reserved address space: pages are used as touched
    thread->start();
    thread->wait();
}

} // namespace gw::validate
