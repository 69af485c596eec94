#include "trafficcheck.h"

#include "methodsettingkey.h"

#include <QJsonArray>

namespace gw::model {

namespace {

void error(Diagnostics &out, const QString &path, const QString &message)
{
    out.append({Diagnostic::Severity::Error, path, message});
}

// API Gateway takes -1 for "no limit"; anything else must be a real limit.
void checkLimits(std::optional<double> rate, std::optional<int> burst, const QString &ratePath, const QString &burstPath,
                 Diagnostics &out)
{
    if (rate && *rate < 0.0 && *rate != -1.0)
        error(out, ratePath, QStringLiteral("rate limit must be 0 or more requests per second (-1: no limit)"));
    if (burst && *burst < -1)
        error(out, burstPath, QStringLiteral("burst limit must be 0 or more requests (-1: no limit)"));
}

void checkThrottle(const ThrottleSettings &t, const QString &path, Diagnostics &out)
{
    checkLimits(t.rateLimit, t.burstLimit, path + QStringLiteral(".rateLimit"), path + QStringLiteral(".burstLimit"), out);
}

void checkMethodSetting(const QString &key, const MethodSetting &s, const QString &path, Diagnostics &out)
{
    QString why;
    if (!parseMethodSettingKey(key, &why))
        error(out, path, why);
    checkLimits(s.throttlingRateLimit, s.throttlingBurstLimit, path + QStringLiteral(".throttlingRateLimit"),
                path + QStringLiteral(".throttlingBurstLimit"), out);
    if (s.cacheTtlInSeconds && (*s.cacheTtlInSeconds < 0 || *s.cacheTtlInSeconds > 3600))
        error(out, path + QStringLiteral(".cacheTtlInSeconds"), QStringLiteral("cache TTL must be between 0 and 3600 seconds"));
    static const QStringList strategies = {QStringLiteral("FAIL_WITH_403"), QStringLiteral("SUCCEED_WITH_RESPONSE_HEADER"),
                                           QStringLiteral("SUCCEED_WITHOUT_RESPONSE_HEADER")};
    if (!s.unauthorizedCacheControlHeaderStrategy.isEmpty() && !strategies.contains(s.unauthorizedCacheControlHeaderStrategy))
        error(out, path + QStringLiteral(".unauthorizedCacheControlHeaderStrategy"),
              QStringLiteral("must be one of %1").arg(strategies.join(QStringLiteral(", "))));
}

void checkCors(const QJsonObject &cors, const QString &path, Diagnostics &out)
{
    for (const char *field : {"allowOrigins", "allowMethods", "allowHeaders", "exposeHeaders"}) {
        const QJsonValue v = cors.value(QLatin1String(field));
        if (v.isUndefined())
            continue;
        bool ok = v.isArray();
        for (const QJsonValue &item : v.toArray())
            ok = ok && item.isString();
        if (!ok)
            error(out, path + QLatin1Char('.') + QLatin1String(field), QStringLiteral("must be a list of strings"));
    }
    const QJsonValue maxAge = cors.value(QLatin1String("maxAge"));
    if (!maxAge.isUndefined() && (!maxAge.isDouble() || maxAge.toInt(-2) < -1 || maxAge.toInt() > 86400))
        error(out, path + QStringLiteral(".maxAge"), QStringLiteral("maxAge must be a number of seconds from -1 to 86400"));
    if (cors.value(QLatin1String("allowCredentials")).toBool()
        && cors.value(QLatin1String("allowOrigins")).toArray().contains(QJsonValue(QStringLiteral("*"))))
        error(out, path + QStringLiteral(".allowCredentials"),
              QStringLiteral("allowCredentials cannot be combined with allowOrigins '*': list the origins"));
}

} // namespace

Diagnostics checkTraffic(const Project &project)
{
    Diagnostics out;
    if (project.server.accountThrottle)
        checkThrottle(*project.server.accountThrottle, QStringLiteral("server.accountThrottle"), out);
    for (qsizetype a = 0; a < project.apis.size(); ++a) {
        const Api &api = project.apis[a];
        const QString apath = QStringLiteral("apis[%1]").arg(a);
        if (api.type == ApiType::Http && !api.design.corsConfiguration.isEmpty())
            checkCors(api.design.corsConfiguration, apath + QStringLiteral(".design.corsConfiguration"), out);
        for (qsizetype s = 0; s < api.stages.size(); ++s) {
            const Stage &stage = api.stages[s];
            const QString spath = apath + QStringLiteral(".stages[%1]").arg(s);
            if (!cacheClusterSizes().contains(stage.cacheClusterSize))
                error(out, spath + QStringLiteral(".cacheClusterSize"),
                      QStringLiteral("cache size '%1' is not one of %2 (GB)").arg(stage.cacheClusterSize, cacheClusterSizes().join(QStringLiteral(", "))));
            for (auto it = stage.methodSettings.begin(); it != stage.methodSettings.end(); ++it)
                checkMethodSetting(it.key(), it.value(), spath + QStringLiteral(".methodSettings.") + it.key(), out);
        }
    }
    for (qsizetype u = 0; u < project.usagePlans.size(); ++u) {
        const UsagePlan &plan = project.usagePlans[u];
        const QString upath = QStringLiteral("usagePlans[%1]").arg(u);
        if (plan.throttle)
            checkThrottle(*plan.throttle, upath + QStringLiteral(".throttle"), out);
        for (qsizetype s = 0; s < plan.apiStages.size(); ++s) {
            const QString spath = upath + QStringLiteral(".apiStages[%1].throttle").arg(s);
            const auto &throttles = plan.apiStages[s].methodThrottles;
            if (throttles.size() > 20)
                error(out, spath, QStringLiteral("a usage plan holds at most 20 method throttles per stage"));
            for (auto it = throttles.begin(); it != throttles.end(); ++it) {
                const QString mpath = spath + QLatin1Char('.') + it.key();
                if (!it.key().startsWith(QLatin1Char('/')) || it.key().endsWith(QLatin1Char('/')))
                    error(out, mpath, QStringLiteral("method throttle key '%1' must be /{resourcePath}/{HTTP method}, e.g. /pets/GET").arg(it.key()));
                checkThrottle(it.value(), mpath, out);
            }
        }
    }
    return out;
}

} // namespace gw::model
