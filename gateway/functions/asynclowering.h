#pragma once

#include <QString>

namespace gw::functions {

// QJSEngine 6.4 parses neither `async` functions nor `await` (Qt added them later), but runs
// generators and promises. AsyncLowering rewrites every async function, arrow and method into a
// plain one that returns `runner(function* () { ... }, this, arguments)`, with each `await x`
// turned into `(yield x)`; the runner (JsFunctionHost's bootstrap) drives the generator with
// promises, so behaviour matches native async functions: the body runs synchronously up to the
// first await, the result is a promise, exceptions reject it.
// The rewrite only inserts and removes text within lines, so line numbers in stack traces hold.
// Not lowered (QJSEngine reports them as syntax errors): async generators and `for await`.
class AsyncLowering
{
public:
    struct Result
    {
        QString source;   // the rewritten source (the original when nothing was async)
        QString error;    // set when the source could not be tokenized; source is then the original
    };
    static Result lower(const QString &source, const QString &runner);
};

} // namespace gw::functions
