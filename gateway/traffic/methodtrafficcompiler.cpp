#include "methodtrafficcompiler.h"

#include "methodsettingsresolver.h"

#include "gateway/model/methodsettingkey.h"

#include <cmath>

namespace gw::traffic {

ThrottleLimits throttleFromSetting(std::optional<double> rate, std::optional<int> burst)
{
    if (!rate && !burst)
        return {};
    return {rate.value_or(kAccountDefaultLimits.rate), burst.value_or(kAccountDefaultLimits.burst)};
}

qint64 cacheCapacityBytes(const QString &clusterSize)
{
    if (!model::cacheClusterSizes().contains(clusterSize))
        return -1;
    return qint64(std::llround(clusterSize.toDouble() * 1024.0 * 1024.0 * 1024.0));
}

static QList<CacheKeyPart> cacheKeyParts(const model::Method &method)
{
    QList<CacheKeyPart> parts;
    if (!method.integration)
        return parts;
    static const QString methodRequest = QStringLiteral("method.request.");
    static const QString integrationRequest = QStringLiteral("integration.request.");
    for (QString name : method.integration->cacheKeyParameters) {
        // Integration-side names stand for the method request parameter mapped into them.
        if (name.startsWith(integrationRequest))
            name = method.integration->requestParameters.value(name);
        if (!name.startsWith(methodRequest))
            continue;
        const QString rest = name.mid(methodRequest.size());
        CacheKeyPart part;
        if (rest.startsWith(QLatin1String("path."))) {
            part.source = CacheKeyPart::Source::Path;
            part.name = rest.mid(5);
        } else if (rest.startsWith(QLatin1String("querystring."))) {
            part.source = CacheKeyPart::Source::Query;
            part.name = rest.mid(12);
        } else if (rest.startsWith(QLatin1String("header."))) {
            part.source = CacheKeyPart::Source::Header;
            part.name = rest.mid(7);
            part.headerName = part.name.toLatin1();
        } else {
            continue;
        }
        parts.append(part);
    }
    return parts;
}

static CacheControlStrategy strategyFrom(const QString &s)
{
    if (s == QLatin1String("FAIL_WITH_403"))
        return CacheControlStrategy::FailWith403;
    if (s == QLatin1String("SUCCEED_WITHOUT_RESPONSE_HEADER"))
        return CacheControlStrategy::SucceedWithoutResponseHeader;
    return CacheControlStrategy::SucceedWithResponseHeader;
}

MethodTraffic compileMethodTraffic(const QString &apiId, model::ApiType apiType, const model::Stage &stage,
                                   const QString &resourcePath, const model::Method &method)
{
    const QString verb = method.httpMethod.toUpper();
    const model::MethodSetting s = effectiveMethodSetting(stage.methodSettings, resourcePath, verb);
    MethodTraffic t;
    t.throttle = throttleFromSetting(s.throttlingRateLimit, s.throttlingBurstLimit);
    t.throttleBucket = QStringLiteral("stage:%1/%2/%3/%4").arg(apiId, stage.name, resourcePath, verb);
    const bool rest = apiType == model::ApiType::Rest;
    t.cachingEnabled = rest && stage.cacheClusterEnabled && s.cachingEnabled.value_or(verb == QLatin1String("GET"));
    t.cacheTtlSeconds = qBound(0, s.cacheTtlInSeconds.value_or(300), 3600);
    t.cacheDataEncrypted = s.cacheDataEncrypted.value_or(false);
    t.requireAuthorizationForCacheControl = s.requireAuthorizationForCacheControl.value_or(true);
    t.unauthorizedStrategy = strategyFrom(s.unauthorizedCacheControlHeaderStrategy);
    t.cacheKeyParts = cacheKeyParts(method);
    t.cacheKeyPrefix = verb + QLatin1Char(' ') + resourcePath;
    t.invalidateCacheArn = QStringLiteral("arn:aws:execute-api:us-east-1:000000000000:%1/%2/%3%4")
                               .arg(apiId, stage.name, verb, resourcePath);
    return t;
}

} // namespace gw::traffic
