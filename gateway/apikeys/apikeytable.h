#pragma once

#include "gateway/model/project.h"

#include <QHash>

#include <memory>
#include <vector>

namespace gw::apikeys {

struct ApiKeyEntry
{
    QString id;
    QString name;
    QByteArray value;   // compared in constant time, never logged
    bool enabled = true;
};

// A usage plan as served: its limits and the API stages it is attached to. The per-method
// throttles of each stage ("/pets/GET") are read by the usage-plan throttle phase.
struct CompiledUsagePlan
{
    QString id;
    QString name;
    std::optional<model::ThrottleSettings> throttle;
    std::optional<model::QuotaSettings> quota;
    QHash<QString, model::UsagePlanStage> stages; // "apiId/stage"

    const model::UsagePlanStage *stage(const QString &apiId, const QString &stageName) const;
};

// The project's API keys and usage plans, compiled once at deploy time: lookup of a key by its
// value and of the plan that admits a key on an API stage. Immutable, shared by all workers.
class ApiKeyTable
{
public:
    static std::shared_ptr<const ApiKeyTable> build(const model::Project &project);

    const ApiKeyEntry *findByValue(const QString &value) const;
    const ApiKeyEntry *findById(const QString &id) const;
    // The plan that lists `keyId` and is attached to apiId/stage; null when there is none.
    // API Gateway allows a key in only one plan per stage; check() reports a second one, and
    // here the first plan in the project wins.
    const CompiledUsagePlan *planFor(const QString &keyId, const QString &apiId, const QString &stage) const;
    const std::vector<CompiledUsagePlan> &plans() const { return m_plans; }
    const std::vector<ApiKeyEntry> &keys() const { return m_keys; }

private:
    std::vector<ApiKeyEntry> m_keys;
    std::vector<CompiledUsagePlan> m_plans;
    QHash<QByteArray, qsizetype> m_byValueDigest;  // SHA-256 of the value → index into m_keys
    QHash<QString, qsizetype> m_byId;
    QHash<QString, qsizetype> m_planByKeyStage;    // "keyId/apiId/stage" → index into m_plans
};

} // namespace gw::apikeys
