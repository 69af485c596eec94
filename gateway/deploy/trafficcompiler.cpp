#include "trafficcompiler.h"

#include "gateway/traffic/cacheregistry.h"
#include "gateway/traffic/methodtrafficcompiler.h"

namespace gw::deploy {

static void addMethods(const CompiledApi &api, CompiledStage &stage, const CompiledDeployment *deployment)
{
    if (!deployment)
        return;
    const auto add = [&](const CompiledResource &r) {
        for (const CompiledMethod &m : r.methods)
            stage.traffic.insert(&m, traffic::compileMethodTraffic(api.id, api.type, stage.settings, m.resourcePath, m.method));
    };
    for (const auto &r : deployment->resources)
        add(*r);
    if (deployment->defaultRoute)
        add(*deployment->defaultRoute);
}

void compileStageTraffic(const CompiledApi &api, CompiledStage &stage)
{
    stage.cacheName = traffic::stageCacheName(api.id, stage.name);
    if (api.type == model::ApiType::Rest && stage.settings.cacheClusterEnabled)
        stage.cacheCapacityBytes = qMax<qint64>(0, traffic::cacheCapacityBytes(stage.settings.cacheClusterSize));
    addMethods(api, stage, stage.deployment.get());
    if (stage.canary)
        addMethods(api, stage, stage.canary->deployment.get());
}

void compileProjectTraffic(const model::Project &project, RuntimeConfig *config)
{
    if (project.server.accountThrottle) {
        const auto &t = *project.server.accountThrottle;
        config->accountThrottle = {t.rateLimit.value_or(traffic::kAccountDefaultLimits.rate),
                                   t.burstLimit.value_or(traffic::kAccountDefaultLimits.burst)};
    }
    config->planThrottles = std::make_shared<const traffic::UsagePlanThrottles>(project.usagePlans);
}

std::shared_ptr<const traffic::HttpCorsPolicy> compileCors(const model::ApiDefinition &definition)
{
    if (definition.corsConfiguration.isEmpty())
        return nullptr;
    return std::make_shared<const traffic::HttpCorsPolicy>(traffic::HttpCorsPolicy::fromJson(definition.corsConfiguration));
}

const traffic::MethodTraffic *CompiledStage::methodTraffic(const CompiledMethod *method) const
{
    const auto it = traffic.constFind(method);
    return it != traffic.cend() ? &*it : nullptr;
}

QSet<QString> RuntimeConfig::cacheNames() const
{
    QSet<QString> names;
    for (const auto &api : apis)
        for (const auto &stage : api->stages)
            if (stage->cacheCapacityBytes > 0)
                names.insert(stage->cacheName);
    return names;
}

} // namespace gw::deploy
