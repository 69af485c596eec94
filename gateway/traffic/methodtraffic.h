#pragma once

#include "throttlelimits.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace gw::traffic {

// unauthorizedCacheControlHeaderStrategy (reference §8).
enum class CacheControlStrategy { FailWith403, SucceedWithResponseHeader, SucceedWithoutResponseHeader };

// One value that splits the cache: a method request parameter named in cacheKeyParameters
// (integration-side names are resolved to the method request parameter they map from).
struct CacheKeyPart
{
    enum class Source { Path, Query, Header };
    Source source = Source::Query;
    QString name;
    QByteArray headerName; // Source::Header only
};

// A method's throttle and cache settings on one stage, resolved once at deploy time from the
// stage's methodSettings (wildcards merged), the integration's cacheKeyParameters and defaults.
struct MethodTraffic
{
    ThrottleLimits throttle;       // unlimited when no methodSettings entry sets limits
    QString throttleBucket;        // "stage:{api}/{stage}/{resourcePath}/{VERB}"

    bool cachingEnabled = false;
    int cacheTtlSeconds = 300;
    bool cacheDataEncrypted = false;
    bool requireAuthorizationForCacheControl = true;
    CacheControlStrategy unauthorizedStrategy = CacheControlStrategy::SucceedWithResponseHeader;
    QList<CacheKeyPart> cacheKeyParts;
    QString cacheKeyPrefix;        // "{VERB} {resourcePath}"
    QString invalidateCacheArn;    // for the FAIL_WITH_403 message
};

} // namespace gw::traffic
