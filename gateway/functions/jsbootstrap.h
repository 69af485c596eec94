#pragma once

#include <QString>

namespace gw::functions {

// The JavaScript that each JsSandbox evaluates once, in its fresh engine before any function
// code, so that the intrinsics it captures are the real ones: a function of (bridge, global)
// that installs console, process and globalThis, and returns the runtime object with
//   asyncRun(generatorFunction, self, args) — drives a lowered async function (AsyncLowering),
//   load(moduleFunction) — runs a wrapped module: {ok, exports} or {ok: false, error: JSON text},
//   run(handler, eventJson, info) — calls a handler Node-style (async, callback or
//     context.succeed/fail/done) and settles once through bridge.settle(ok, JSON text).
// Nothing here gives code a way out of the engine: no require, no network, no files.
QString jsBootstrapSource();

} // namespace gw::functions
