#include "jsbootstrap.h"

namespace gw::functions {

QString jsBootstrapSource()
{
    return QStringLiteral(R"JS((function (bridge, g) {
    'use strict';
    function show(v) {
        if (typeof v === 'string') return v;
        if (v instanceof Error) return v.stack ? v.name + ': ' + v.message + '\n' + v.stack : String(v);
        if (typeof v === 'object' && v !== null) {
            try { return JSON.stringify(v); } catch (e) { return String(v); }
        }
        return String(v);
    }
    function logger(level) {
        return function () {
            var parts = [];
            for (var i = 0; i < arguments.length; ++i) parts.push(show(arguments[i]));
            bridge.log(level, parts.join(' '));
        };
    }
    function define(name, value) {
        Object.defineProperty(g, name, { value: value, writable: true, configurable: true, enumerable: false });
    }
    define('globalThis', g);
    define('console', { log: logger('INFO'), info: logger('INFO'), warn: logger('WARN'),
                        error: logger('ERROR'), debug: logger('DEBUG'), trace: logger('TRACE') });
    define('process', { env: {} });

    function asyncRun(generatorFunction, self, args) {
        return new Promise(function (resolve, reject) {
            var gen = generatorFunction.apply(self, args);
            function step(method, value) {
                var r;
                try { r = gen[method](value); } catch (e) { reject(e); return; }
                if (r.done) { resolve(r.value); return; }
                Promise.resolve(r.value).then(function (v) { step('next', v); }, function (e) { step('throw', e); });
            }
            step('next', undefined);
        });
    }

    function errorObject(e) {
        if (e instanceof Error) {
            var trace = String(e.stack || '').split('\n').filter(function (l) { return l.length > 0; });
            return { errorType: e.name || 'Error', errorMessage: String(e.message), trace: trace };
        }
        if (e !== null && typeof e === 'object') {
            try { return { errorType: 'object', errorMessage: JSON.stringify(e) }; } catch (x) {}
        }
        return { errorType: typeof e, errorMessage: String(e) };
    }

    function run(handler, eventJson, info) {
        var settled = false;
        function finish(ok, value) {
            if (settled) return;
            settled = true;
            var text;
            try {
                text = ok ? JSON.stringify(value === undefined ? null : value) : JSON.stringify(errorObject(value));
            } catch (e) {
                ok = false;
                text = JSON.stringify(errorObject(e));
            }
            bridge.settle(ok, text === undefined ? 'null' : text);
        }
        var deadline = Date.now() + info.remainingMs;
        var context = {
            functionName: info.functionName,
            functionVersion: '$LATEST',
            invokedFunctionArn: info.functionArn,
            memoryLimitInMB: String(info.memoryMb),
            awsRequestId: info.requestId,
            logGroupName: '/aws/lambda/' + info.functionName,
            logStreamName: info.logStream,
            callbackWaitsForEmptyEventLoop: true,
            getRemainingTimeInMillis: function () { return Math.max(0, deadline - Date.now()); },
            succeed: function (v) { finish(true, v); },
            fail: function (e) { finish(false, e); },
            done: function (e, v) { if (e !== null && e !== undefined) finish(false, e); else finish(true, v); }
        };
        g.process.env = info.env;
        try {
            var event = JSON.parse(eventJson);
            var r = handler(event, context, context.done);
            if (r !== null && typeof r === 'object' && typeof r.then === 'function')
                r.then(function (v) { finish(true, v); }, function (e) { finish(false, e); });
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
            moduleFunction.call(module.exports, module.exports, module, asyncRun);
        } catch (e) {
            return { ok: false, error: JSON.stringify(errorObject(e)) };
        }
        return { ok: true, exports: module.exports };
    }

    return { asyncRun: asyncRun, run: run, load: load };
}))JS");
}

} // namespace gw::functions
