#pragma once

#include "gateway/pipeline/phase.h"
#include "gateway/traffic/trafficstate.h"

namespace gw::pipeline {

// The stage cache (reference §1 steps 11 and 16, §8), one unit spanning both directions. It sits
// after authorization, API keys, throttles and request validation, so a cached answer never skips
// access control; a hit responds with the stored response (ctx->servedFromCache) and skips the
// integration request, the integration and the integration response; a miss stores the final
// method response on the way back when it is a 2xx of at most 1 MB (gateway errors and error
// statuses are not cached: a transient backend failure must not be replayed for the TTL).
// `Cache-Control: max-age=0` invalidates the entry when the caller may (requireAuthorization-
// ForCacheControl off, or a SigV4-signed request standing in for execute-api:InvalidateCache,
// since IAM is not emulated); otherwise the method's unauthorizedCacheControlHeaderStrategy applies.
class CachePhase final : public Phase
{
public:
    explicit CachePhase(std::shared_ptr<traffic::TrafficState> state) : m_state(std::move(state)) {}
    const char *name() const override { return "cache"; }
    PhaseResult onRequest(const std::shared_ptr<RequestContext> &ctx, const Resume &resume) override;
    void onResponse(RequestContext &ctx) override;

    // The warning header SUCCEED_WITH_RESPONSE_HEADER adds (AWS's exact header is unverified).
    static const QByteArray kWarningHeader;
    static const QByteArray kWarningValue;

private:
    const traffic::MethodTraffic *applicable(const RequestContext &ctx) const;
    static QString cacheKey(const RequestContext &ctx, const traffic::MethodTraffic &mt);
    static bool asksInvalidation(const RequestContext &ctx);
    static bool mayInvalidate(const RequestContext &ctx, const traffic::MethodTraffic &mt);

    std::shared_ptr<traffic::TrafficState> m_state;
};

} // namespace gw::pipeline
