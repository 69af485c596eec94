#include "apikeytable.h"

#include "apikeyvalue.h"

#include <QCryptographicHash>

namespace gw::apikeys {

static QString stageKey(const QString &apiId, const QString &stage)
{
    return apiId.toLower() + QLatin1Char('/') + stage;
}

static QByteArray digest(const QByteArray &value)
{
    return QCryptographicHash::hash(value, QCryptographicHash::Sha256);
}

const model::UsagePlanStage *CompiledUsagePlan::stage(const QString &apiId, const QString &stageName) const
{
    const auto it = stages.constFind(stageKey(apiId, stageName));
    return it != stages.cend() ? &*it : nullptr;
}

std::shared_ptr<const ApiKeyTable> ApiKeyTable::build(const model::Project &project)
{
    auto table = std::make_shared<ApiKeyTable>();
    for (const model::ApiKey &k : project.apiKeys) {
        ApiKeyEntry e{k.id, k.name, k.value.toUtf8(), k.enabled};
        // The first of two keys with one value wins; check() reports the duplicate.
        const QByteArray d = digest(e.value);
        if (!table->m_byValueDigest.contains(d))
            table->m_byValueDigest.insert(d, qsizetype(table->m_keys.size()));
        table->m_byId.insert(k.id, qsizetype(table->m_keys.size()));
        table->m_keys.push_back(std::move(e));
    }
    for (const model::UsagePlan &p : project.usagePlans) {
        CompiledUsagePlan plan{p.id, p.name, p.throttle, p.quota, {}};
        for (const model::UsagePlanStage &s : p.apiStages)
            plan.stages.insert(stageKey(s.apiId, s.stage), s);
        const qsizetype index = qsizetype(table->m_plans.size());
        for (const QString &keyId : p.apiKeyIds)
            for (const model::UsagePlanStage &s : p.apiStages) {
                const QString key = keyId + QLatin1Char('/') + stageKey(s.apiId, s.stage);
                if (!table->m_planByKeyStage.contains(key))
                    table->m_planByKeyStage.insert(key, index);
            }
        table->m_plans.push_back(std::move(plan));
    }
    return table;
}

const ApiKeyEntry *ApiKeyTable::findByValue(const QString &value) const
{
    const QByteArray v = value.toUtf8();
    const auto it = m_byValueDigest.constFind(digest(v));
    if (it == m_byValueDigest.cend())
        return nullptr;
    const ApiKeyEntry &e = m_keys[size_t(*it)];
    return constantTimeEquals(e.value, v) ? &e : nullptr;
}

const ApiKeyEntry *ApiKeyTable::findById(const QString &id) const
{
    const auto it = m_byId.constFind(id);
    return it != m_byId.cend() ? &m_keys[size_t(*it)] : nullptr;
}

const CompiledUsagePlan *ApiKeyTable::planFor(const QString &keyId, const QString &apiId, const QString &stage) const
{
    const auto it = m_planByKeyStage.constFind(keyId + QLatin1Char('/') + stageKey(apiId, stage));
    return it != m_planByKeyStage.cend() ? &m_plans[size_t(*it)] : nullptr;
}

} // namespace gw::apikeys
