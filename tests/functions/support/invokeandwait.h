#pragma once

#include "gateway/functions/functionruntime.h"

namespace gwtest {

// Invokes `function` and waits (test only, in a local event loop) for its result, at most 15 s;
// past that a function error whose payload says the worker is held.
gw::functions::FunctionResult invokeAndWait(gw::functions::FunctionRuntime &runtime, const gw::model::Function &function,
                                            const QByteArray &event = "{}", const QString &requestId = {});

} // namespace gwtest
