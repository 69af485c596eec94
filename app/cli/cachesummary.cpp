#include "cachesummary.h"

#include "gateway/traffic/methodtrafficcompiler.h"

namespace gw::cli {

QStringList cacheSummary(const model::Project &project)
{
    QStringList lines;
    for (const model::Api &api : project.apis) {
        if (api.type != model::ApiType::Rest)
            continue;
        for (const model::Stage &stage : api.stages) {
            if (!stage.cacheClusterEnabled)
                continue;
            const model::Deployment *d = api.deployment(stage.deploymentId);
            QStringList cached;
            if (d)
                for (const model::Resource &r : d->api.resources)
                    for (const model::Method &m : r.methods) {
                        const auto t = traffic::compileMethodTraffic(api.id, api.type, stage, r.path, m);
                        if (t.cachingEnabled && t.cacheTtlSeconds > 0)
                            cached.append(QStringLiteral("%1 %2 (TTL %3 s%4)")
                                              .arg(m.httpMethod, r.path)
                                              .arg(t.cacheTtlSeconds)
                                              .arg(t.cacheDataEncrypted ? QStringLiteral(", encrypted") : QString()));
                    }
            lines.append(QStringLiteral("cache %1/%2: %3 GB; %4").arg(api.id, stage.name, stage.cacheClusterSize,
                                                                      cached.isEmpty() ? QStringLiteral("no method caches")
                                                                                       : cached.join(QStringLiteral(", "))));
        }
    }
    return lines;
}

} // namespace gw::cli
