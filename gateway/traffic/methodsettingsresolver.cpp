#include "methodsettingsresolver.h"

#include "gateway/model/methodsettingkey.h"

#include <QList>

#include <algorithm>

namespace gw::traffic {

namespace {

// '*' matches any run of characters, '/' included.
bool globMatch(QStringView pattern, QStringView text)
{
    qsizetype p = 0, t = 0, star = -1, mark = 0;
    while (t < text.size()) {
        if (p < pattern.size() && pattern[p] == QLatin1Char('*')) {
            star = p++;
            mark = t;
        } else if (p < pattern.size() && pattern[p] == text[t]) {
            ++p;
            ++t;
        } else if (star >= 0) {
            p = star + 1;
            t = ++mark;
        } else {
            return false;
        }
    }
    while (p < pattern.size() && pattern[p] == QLatin1Char('*'))
        ++p;
    return p == pattern.size();
}

template <typename T>
void overlay(std::optional<T> &into, const std::optional<T> &from)
{
    if (from)
        into = from;
}

void overlay(QString &into, const QString &from)
{
    if (!from.isEmpty())
        into = from;
}

} // namespace

model::MethodSetting effectiveMethodSetting(const QMap<QString, model::MethodSetting> &settings,
                                            const QString &resourcePath, const QString &verb)
{
    struct Match
    {
        int score;
        const model::MethodSetting *setting;
    };
    QList<Match> matches;
    const QString upperVerb = verb.toUpper();
    for (auto it = settings.begin(); it != settings.end(); ++it) {
        const auto parsed = model::parseMethodSettingKey(it.key());
        if (!parsed)
            continue;
        const model::MethodSettingKey &k = *parsed;
        const bool verbMatches = k.verb == QLatin1String("*") || k.verb == upperVerb;
        if (!verbMatches || !globMatch(k.resource, resourcePath))
            continue;
        // Literal characters of the resource pattern count most; an exact verb breaks ties.
        const int literal = int(k.resource.size() - k.resource.count(QLatin1Char('*')));
        matches.append({literal * 2 + (k.verb == QLatin1String("*") ? 0 : 1), &it.value()});
    }
    std::stable_sort(matches.begin(), matches.end(), [](const Match &a, const Match &b) { return a.score < b.score; });
    model::MethodSetting out;
    for (const Match &m : std::as_const(matches)) {
        const model::MethodSetting &s = *m.setting;
        overlay(out.throttlingBurstLimit, s.throttlingBurstLimit);
        overlay(out.throttlingRateLimit, s.throttlingRateLimit);
        overlay(out.cachingEnabled, s.cachingEnabled);
        overlay(out.cacheTtlInSeconds, s.cacheTtlInSeconds);
        overlay(out.cacheDataEncrypted, s.cacheDataEncrypted);
        overlay(out.requireAuthorizationForCacheControl, s.requireAuthorizationForCacheControl);
        overlay(out.unauthorizedCacheControlHeaderStrategy, s.unauthorizedCacheControlHeaderStrategy);
        overlay(out.metricsEnabled, s.metricsEnabled);
        overlay(out.loggingLevel, s.loggingLevel);
        overlay(out.dataTraceEnabled, s.dataTraceEnabled);
    }
    return out;
}

} // namespace gw::traffic
