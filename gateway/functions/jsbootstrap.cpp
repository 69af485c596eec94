#include "jsbootstrap.h"

namespace gw::functions {

QString jsBootstrapSource()
{
    return QStringLiteral(R"JS((function (bridge, g) {
    'use strict';
    // Everything below calls only what it captures here, before any function code runs in this
    // engine: a handler that replaces JSON.stringify, Promise.prototype.then, Function.prototype.call
    // or an Array method changes its own code's world, never how its answer is waited for,
    // serialised or handed back.
    var uncurry = Function.prototype.bind.bind(Function.prototype.call);  // uncurry(f)(self, ...args)
    var bind = uncurry(Function.prototype.bind);
    var apply = uncurry(Function.prototype.apply);
    var stringify = bind(JSON.stringify, JSON);
    var parse = bind(JSON.parse, JSON);
    var NativePromise = Promise;
    var resolved = bind(Promise.resolve, Promise);
    var then = uncurry(Promise.prototype.then);
    var generatorPrototype = Object.getPrototypeOf(function* () {}).prototype;
    var generatorNext = uncurry(generatorPrototype.next);
    var generatorThrow = uncurry(generatorPrototype['throw']);
    var defineProperty = Object.defineProperty;
    var NativeError = Error;
    var toText = String;
    var split = uncurry(String.prototype.split);
    var filter = uncurry(Array.prototype.filter);
    var join = uncurry(Array.prototype.join);
    var now = bind(Date.now, Date);
    var max = Math.max;

    // Appends without [[Set]], which a setter on Array.prototype could intercept.
    function append(list, value) {
        defineProperty(list, list.length, { value: value, writable: true, enumerable: true, configurable: true });
    }
    function show(v) {
        if (typeof v === 'string') return v;
        if (v instanceof NativeError) return v.stack ? v.name + ': ' + v.message + '\n' + v.stack : toText(v);
        if (typeof v === 'object' && v !== null) {
            try { return stringify(v); } catch (e) { return toText(v); }
        }
        return toText(v);
    }
    function logger(level) {
        return function () {
            var parts = [];
            for (var i = 0; i < arguments.length; ++i) append(parts, show(arguments[i]));
            bridge.log(level, join(parts, ' '));
        };
    }
    function define(name, value) {
        defineProperty(g, name, { value: value, writable: true, configurable: true, enumerable: false });
    }
    var processObject = { env: {} };
    define('globalThis', g);
    define('console', { log: logger('INFO'), info: logger('INFO'), warn: logger('WARN'),
                        error: logger('ERROR'), debug: logger('DEBUG'), trace: logger('TRACE') });
    define('process', processObject);

    function asyncRun(generatorFunction, self, args) {
        return new NativePromise(function (resolve, reject) {
            var gen = apply(generatorFunction, self, args);
            function step(next, value) {
                var r;
                try { r = next ? generatorNext(gen, value) : generatorThrow(gen, value); } catch (e) { reject(e); return; }
                if (r.done) { resolve(r.value); return; }
                then(resolved(r.value), function (v) { step(true, v); }, function (e) { step(false, e); });
            }
            step(true, undefined);
        });
    }

    function errorObject(e) {
        if (e instanceof NativeError) {
            var trace = filter(split(toText(e.stack || ''), '\n'), function (l) { return l.length > 0; });
            return { errorType: toText(e.name || 'Error'), errorMessage: toText(e.message), trace: trace };
        }
        if (e !== null && typeof e === 'object') {
            try { return { errorType: 'object', errorMessage: stringify(e) }; } catch (x) {}
        }
        return { errorType: typeof e, errorMessage: toText(e) };
    }

    function run(handler, eventJson, info) {
        var settled = false;
        function finish(ok, value) {
            if (settled) return;
            settled = true;
            var text;
            try {
                text = ok ? stringify(value === undefined ? null : value) : stringify(errorObject(value));
            } catch (e) {
                ok = false;
                try { text = stringify(errorObject(e)); } catch (x) { text = stringify({ errorType: 'Error', errorMessage: 'the result could not be serialised' }); }
            }
            bridge.settle(ok, text === undefined ? 'null' : text);
        }
        var deadline = now() + info.remainingMs;
        var context = {
            functionName: info.functionName,
            functionVersion: '$LATEST',
            invokedFunctionArn: info.functionArn,
            memoryLimitInMB: toText(info.memoryMb),
            awsRequestId: info.requestId,
            logGroupName: '/aws/lambda/' + info.functionName,
            logStreamName: info.logStream,
            callbackWaitsForEmptyEventLoop: true,
            getRemainingTimeInMillis: function () { return max(0, deadline - now()); },
            succeed: function (v) { finish(true, v); },
            fail: function (e) { finish(false, e); },
            done: function (e, v) { if (e !== null && e !== undefined) finish(false, e); else finish(true, v); }
        };
        try {
            processObject.env = info.env;
            var event = parse(eventJson);
            var r = handler(event, context, context.done);
            if (r !== null && typeof r === 'object' && typeof r.then === 'function')
                then(resolved(r), function (v) { finish(true, v); }, function (e) { finish(false, e); });
            else if (handler.length < 3 && r !== undefined)
                finish(true, r);
            else if (handler.length < 3)
                finish(true, null);
        } catch (e) {
            finish(false, e);
        }
    }

    function load(moduleFunction) {
        var module = { exports: {} };
        try {
            apply(moduleFunction, module.exports, [module.exports, module, asyncRun]);
        } catch (e) {
            return { ok: false, error: stringify(errorObject(e)) };
        }
        return { ok: true, exports: module.exports };
    }

    return { asyncRun: asyncRun, run: run, load: load };
}))JS");
}

} // namespace gw::functions
