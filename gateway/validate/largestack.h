#pragma once

#include <cstddef>
#include <functional>

namespace gw::validate {

// Runs `work` on a new thread with `stackBytes` of stack, and waits for it. For the rare schema
// or body whose recursion through valijson would not fit in the caller's stack (worker threads
// get the platform's default, as little as 2 MiB). `work` must not throw. False when no such
// thread could be started (then `work` did not run).
bool runWithStack(size_t stackBytes, const std::function<void()> &work);

} // namespace gw::validate
