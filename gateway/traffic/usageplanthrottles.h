#pragma once

#include "throttlelimits.h"

#include "gateway/model/project.h"

#include <QHash>

namespace gw::traffic {

// The usage plans' per-key throttles, compiled once at deploy time (reference §5.8, §7): the plan's
// throttle applies to each key on all of the plan's stages; apiStages[].throttle holds per-method
// limits ("/pets/GET") that replace it for that method.
// Thread contract: immutable after construction.
class UsagePlanThrottles
{
public:
    UsagePlanThrottles() = default;
    explicit UsagePlanThrottles(const QList<model::UsagePlan> &plans);

    struct Applicable
    {
        ThrottleLimits limits;
        QString bucket;     // "plan:{plan}/{key}" or "plan:{plan}/{key}/{api}/{stage}{path}/{VERB}"
        bool perMethod = false;
    };
    // The limits for a key's request to `resourcePath` `verb` on {apiId}/{stage}; unlimited when
    // the plan sets none.
    Applicable applicable(const QString &planId, const QString &keyId, const QString &apiId, const QString &stage,
                          const QString &resourcePath, const QString &verb) const;

private:
    struct Plan
    {
        ThrottleLimits perKey;
        QHash<QString, QHash<QString, ThrottleLimits>> methods; // "{api}/{stage}" → "/pets/GET" → limits
    };
    QHash<QString, Plan> m_plans;
};

// A plan's ThrottleSettings as limits: a rate without a burst gets one second's worth of burst.
ThrottleLimits planLimits(const model::ThrottleSettings &t);

} // namespace gw::traffic
