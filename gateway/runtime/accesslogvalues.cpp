#include "accesslogvalues.h"

#include "gateway/core/traceid.h"
#include "gateway/observe/secretmask.h"

#include <QJsonArray>

namespace gw::runtime {

static void flatten(const QJsonObject &object, const QString &prefix, QHash<QString, QString> &out)
{
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QString key = prefix.isEmpty() ? it.key() : prefix + QLatin1Char('.') + it.key();
        const QJsonValue v = it.value();
        if (v.isObject())
            flatten(v.toObject(), key, out);
        else if (v.isBool())
            out.insert(key, v.toBool() ? QStringLiteral("true") : QStringLiteral("false"));
        else if (v.isDouble())
            out.insert(key, QString::number(v.toDouble(), 'g', 17));
        else if (v.isString())
            out.insert(key, v.toString());
    }
}

QHash<QString, QString> accessLogValues(const pipeline::RequestContext &ctx, const HttpResponse &response)
{
    QHash<QString, QString> out;
    flatten(ctx.contextObject(), QString(), out);
    // An API key is a secret: logs show only enough of it to tell keys apart.
    if (const auto it = out.find(QStringLiteral("identity.apiKey")); it != out.end() && !it->isEmpty())
        *it = QString::fromUtf8(observe::maskSecret(it->toUtf8()));
    out.insert(QStringLiteral("status"), QString::number(response.status));
    out.insert(QStringLiteral("responseLength"), QString::number(response.body.size()));
    out.insert(QStringLiteral("responseLatency"), QString::number(ctx.elapsedUs() / 1000));
    // AWS logs -1 for the integration latency of a request that timed out or never integrated.
    out.insert(QStringLiteral("integrationLatency"), QString::number(ctx.integrationLatencyMs));
    out.insert(QStringLiteral("integration.latency"), QString::number(ctx.integrationLatencyMs));
    if (ctx.endpointResult.status) {
        out.insert(QStringLiteral("integrationStatus"), QString::number(ctx.endpointResult.status));
        out.insert(QStringLiteral("integration.status"), QString::number(ctx.endpointResult.status));
        out.insert(QStringLiteral("integration.integrationStatus"), QString::number(ctx.endpointResult.status));
    }
    // X-Ray traces REST APIs only, on stages with tracing enabled; there the log can name the trace.
    if (ctx.stage && ctx.stage->settings.tracingEnabled && ctx.api && ctx.api->type == model::ApiType::Rest)
        out.insert(QStringLiteral("xrayTraceId"), traceIdOf(ctx.traceHeader));
    if (!ctx.authorizerError.isEmpty())
        out.insert(QStringLiteral("authorizer.error"), ctx.authorizerError);
    if (ctx.error) {
        out.insert(QStringLiteral("error.messageString"), QLatin1Char('"') + ctx.error->message + QLatin1Char('"'));
        out.insert(QStringLiteral("integrationErrorMessage"), ctx.endpointResult.errorMessage);
    }
    return out;
}

} // namespace gw::runtime
