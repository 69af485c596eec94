#include "cachephase.h"

namespace gw::pipeline {

const QByteArray CachePhase::kWarningHeader = QByteArrayLiteral("Warning");
const QByteArray CachePhase::kWarningValue = QByteArrayLiteral("199 - \"Unauthorized cache invalidation request ignored\"");

static const QString kPhase = QStringLiteral("cache");

const traffic::MethodTraffic *CachePhase::applicable(const RequestContext &ctx) const
{
    if (!ctx.stage || ctx.stage->cacheCapacityBytes <= 0)
        return nullptr;
    const traffic::MethodTraffic *mt = ctx.stage->methodTraffic(ctx.method);
    if (!mt || !mt->cachingEnabled || mt->cacheTtlSeconds <= 0)
        return nullptr;
    // Canary requests share the stage cache only when the canary says so (reference §11.3).
    if (ctx.isCanaryRequest && !(ctx.stage->canary && ctx.stage->canary->useStageCache))
        return nullptr;
    return mt;
}

QString CachePhase::cacheKey(const RequestContext &ctx, const traffic::MethodTraffic &mt)
{
    QString key = mt.cacheKeyPrefix;
    // A canary on another deployment keeps its own entries under the shared cache (reference §8).
    if (ctx.isCanaryRequest && ctx.deployment != ctx.stage->deployment)
        key += QStringLiteral("|deployment=") + ctx.deployment->id;
    for (const traffic::CacheKeyPart &part : mt.cacheKeyParts) {
        switch (part.source) {
        case traffic::CacheKeyPart::Source::Path:
            key += QStringLiteral("|path.") + part.name + QLatin1Char('=') + ctx.pathParameter(part.name);
            break;
        case traffic::CacheKeyPart::Source::Query:
            key += QStringLiteral("|querystring.") + part.name + QLatin1Char('=') + ctx.queryValue(part.name);
            break;
        case traffic::CacheKeyPart::Source::Header:
            key += QStringLiteral("|header.") + part.name.toLower() + QLatin1Char('=')
                   + QString::fromUtf8(ctx.request.headers.value(part.headerName));
            break;
        }
    }
    return key;
}

bool CachePhase::asksInvalidation(const RequestContext &ctx)
{
    for (const QByteArray &v : ctx.request.headers.values("Cache-Control"))
        for (const QByteArray &directive : v.split(','))
            if (directive.trimmed().toLower() == "max-age=0")
                return true;
    return false;
}

bool CachePhase::mayInvalidate(const RequestContext &ctx, const traffic::MethodTraffic &mt)
{
    return !mt.requireAuthorizationForCacheControl
           || ctx.request.headers.value("Authorization").startsWith("AWS4-HMAC-SHA256 ");
}

PhaseResult CachePhase::onRequest(const std::shared_ptr<RequestContext> &ctx, const Resume &)
{
    const traffic::MethodTraffic *mt = applicable(*ctx);
    if (!mt)
        return PhaseResult::Continue;
    const auto cache = m_state->caches.cache(ctx->stage->cacheName, ctx->stage->cacheCapacityBytes);
    const QString key = cacheKey(*ctx, *mt);
    bool warn = false;
    if (asksInvalidation(*ctx)) {
        if (mayInvalidate(*ctx, *mt)) {
            cache->invalidate(key);
            ctx->cacheMissed = true;
            if (ctx->tracing())
                ctx->log(kPhase, QStringLiteral("Invalidated cache entry on request: Cache-Control: max-age=0 (key: %1)").arg(key));
            return PhaseResult::Continue;
        }
        switch (mt->unauthorizedStrategy) {
        case traffic::CacheControlStrategy::FailWith403:
            ctx->fail({QStringLiteral("ACCESS_DENIED"),
                       QStringLiteral("User: anonymous is not authorized to perform: execute-api:InvalidateCache on resource: %1")
                           .arg(mt->invalidateCacheArn),
                       false, QStringLiteral("Unauthorized cache invalidation request: FAIL_WITH_403")});
            return PhaseResult::Respond;
        case traffic::CacheControlStrategy::SucceedWithResponseHeader:
            warn = true;
            [[fallthrough]];
        case traffic::CacheControlStrategy::SucceedWithoutResponseHeader:
            if (ctx->tracing())
                ctx->log(kPhase, QStringLiteral("Unauthorized cache invalidation request ignored"));
            break;
        }
    }
    if (auto hit = cache->get(key)) {
        ctx->response = std::move(*hit);
        ctx->servedFromCache = true;
        if (warn)
            ctx->response.headers.set(kWarningHeader, kWarningValue);
        if (ctx->tracing())
            ctx->log(kPhase, QStringLiteral("Found response in cache for key: %1; skipping the integration").arg(key));
        return PhaseResult::Respond;
    }
    ctx->cacheMissed = true;
    if (ctx->tracing())
        ctx->log(kPhase, QStringLiteral("Cache miss for key: %1").arg(key));
    return PhaseResult::Continue;
}

void CachePhase::onResponse(RequestContext &ctx)
{
    if (ctx.servedFromCache || !ctx.cacheMissed)
        return;
    const traffic::MethodTraffic *mt = applicable(ctx);
    if (!mt)
        return;
    if (!ctx.error && ctx.response.status >= 200 && ctx.response.status < 300) {
        const auto cache = m_state->caches.cache(ctx.stage->cacheName, ctx.stage->cacheCapacityBytes);
        const QString key = cacheKey(ctx, *mt);
        const bool stored = cache->put(key, ctx.response, mt->cacheTtlSeconds, mt->cacheDataEncrypted);
        if (ctx.tracing())
            ctx.log(kPhase, stored ? QStringLiteral("Stored response in cache for key: %1 (TTL %2 s%3)")
                                         .arg(key)
                                         .arg(mt->cacheTtlSeconds)
                                         .arg(mt->cacheDataEncrypted ? QStringLiteral(", encrypted") : QString())
                                   : QStringLiteral("Response not cached: larger than the cache entry limit"));
    }
    if (asksInvalidation(ctx) && !mayInvalidate(ctx, *mt)
        && mt->unauthorizedStrategy == traffic::CacheControlStrategy::SucceedWithResponseHeader)
        ctx.response.headers.set(kWarningHeader, kWarningValue);
}

} // namespace gw::pipeline
