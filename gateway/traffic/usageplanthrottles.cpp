#include "usageplanthrottles.h"

#include <cmath>

namespace gw::traffic {

ThrottleLimits planLimits(const model::ThrottleSettings &t)
{
    if (!t.rateLimit && !t.burstLimit)
        return {};
    const double rate = t.rateLimit.value_or(-1.0);
    const int burst = t.burstLimit.value_or(rate < 0 ? -1 : qMax(1, int(std::ceil(rate))));
    return {rate, burst};
}

UsagePlanThrottles::UsagePlanThrottles(const QList<model::UsagePlan> &plans)
{
    for (const model::UsagePlan &p : plans) {
        Plan plan;
        if (p.throttle)
            plan.perKey = planLimits(*p.throttle);
        for (const model::UsagePlanStage &st : p.apiStages) {
            auto &methods = plan.methods[st.apiId.toLower() + QLatin1Char('/') + st.stage];
            for (auto it = st.methodThrottles.begin(); it != st.methodThrottles.end(); ++it) {
                QString key = it.key();
                if (!key.startsWith(QLatin1Char('/')))
                    key.prepend(QLatin1Char('/'));
                methods.insert(key, planLimits(it.value()));
            }
        }
        m_plans.insert(p.id, plan);
    }
}

UsagePlanThrottles::Applicable UsagePlanThrottles::applicable(const QString &planId, const QString &keyId, const QString &apiId,
                                                              const QString &stage, const QString &resourcePath,
                                                              const QString &verb) const
{
    Applicable a;
    const auto plan = m_plans.constFind(planId);
    if (plan == m_plans.cend())
        return a;
    const QString apiStage = apiId.toLower() + QLatin1Char('/') + stage;
    const auto methods = plan->methods.constFind(apiStage);
    if (methods != plan->methods.cend() && !methods->isEmpty()) {
        // "/pets/GET"; the root resource is "//GET" in API Gateway's notation, "/GET" accepted too.
        const QString path = resourcePath == QLatin1String("/") ? QString() : resourcePath;
        const QString candidates[] = {QString(path + QLatin1Char('/') + verb), QString(path + QStringLiteral("/*")),
                                      QString(resourcePath + QLatin1Char('/') + verb)};
        for (const QString &candidate : candidates) {
            const auto m = methods->constFind(candidate);
            if (m != methods->cend()) {
                a.limits = *m;
                a.bucket = QStringLiteral("plan:%1/%2/%3%4/%5").arg(planId, keyId, apiStage, resourcePath, verb);
                a.perMethod = true;
                return a;
            }
        }
    }
    a.limits = plan->perKey;
    a.bucket = QStringLiteral("plan:%1/%2").arg(planId, keyId);
    return a;
}

} // namespace gw::traffic
