#include "checkapikeys.h"

#include <QRegularExpression>
#include <QSet>

namespace gw::model {

static void error(Diagnostics &out, const QString &path, const QString &message)
{
    out.append({Diagnostic::Severity::Error, path, message});
}

void checkApiKeysAndPlans(const Project &project, Diagnostics &out)
{
    QSet<QString> keyIds;
    QSet<QString> keyValues;
    for (qsizetype k = 0; k < project.apiKeys.size(); ++k) {
        const ApiKey &key = project.apiKeys[k];
        const QString kpath = QStringLiteral("apiKeys[%1]").arg(k);
        static const QRegularExpression valueRe(QStringLiteral("^[A-Za-z0-9]{20,128}$"));
        if (key.id.isEmpty() || keyIds.contains(key.id))
            error(out, kpath + QStringLiteral(".id"), QStringLiteral("API key ids must be present and unique"));
        keyIds.insert(key.id);
        if (!valueRe.match(key.value).hasMatch())
            error(out, kpath + QStringLiteral(".value"), QStringLiteral("API key values are 20 to 128 letters or digits"));
        else if (keyValues.contains(key.value))
            error(out, kpath + QStringLiteral(".value"), QStringLiteral("another API key has the same value"));
        keyValues.insert(key.value);
        if (key.name.size() > 1024)
            error(out, kpath + QStringLiteral(".name"), QStringLiteral("API key names are at most 1024 characters"));
    }
    QHash<QString, QString> planOfKeyOnStage; // "keyId apiId/stage" → plan id
    for (qsizetype u = 0; u < project.usagePlans.size(); ++u) {
        const UsagePlan &plan = project.usagePlans[u];
        const QString upath = QStringLiteral("usagePlans[%1]").arg(u);
        for (qsizetype k = 0; k < plan.apiKeyIds.size(); ++k)
            if (!keyIds.contains(plan.apiKeyIds[k]))
                error(out, upath + QStringLiteral(".apiKeyIds[%1]").arg(k), QStringLiteral("API key %1 does not exist").arg(plan.apiKeyIds[k]));
        if (plan.quota) {
            static const QStringList periods = {QStringLiteral("DAY"), QStringLiteral("WEEK"), QStringLiteral("MONTH")};
            if (!periods.contains(plan.quota->period))
                error(out, upath + QStringLiteral(".quota.period"), QStringLiteral("quota period must be DAY, WEEK or MONTH"));
            if (plan.quota->limit <= 0)
                error(out, upath + QStringLiteral(".quota.limit"), QStringLiteral("quota limit must be greater than 0 (is %1)").arg(plan.quota->limit));
            const int maxOffset = plan.quota->period == QLatin1String("WEEK") ? 6 : plan.quota->period == QLatin1String("MONTH") ? 27 : 0;
            if (plan.quota->offset < 0 || plan.quota->offset > maxOffset)
                error(out, upath + QStringLiteral(".quota.offset"),
                      QStringLiteral("quota offset for period %1 must be between 0 and %2").arg(plan.quota->period).arg(maxOffset));
        }
        for (qsizetype s = 0; s < plan.apiStages.size(); ++s) {
            const UsagePlanStage &st = plan.apiStages[s];
            const QString spath = upath + QStringLiteral(".apiStages[%1]").arg(s);
            const Api *api = project.api(st.apiId);
            if (!api)
                error(out, spath + QStringLiteral(".apiId"), QStringLiteral("API %1 does not exist").arg(st.apiId));
            else if (!api->stage(st.stage))
                error(out, spath + QStringLiteral(".stage"), QStringLiteral("stage %1 does not exist").arg(st.stage));
            for (const QString &keyId : plan.apiKeyIds) {
                const QString slot = keyId + QLatin1Char(' ') + st.apiId + QLatin1Char('/') + st.stage;
                const QString other = planOfKeyOnStage.value(slot);
                if (!other.isEmpty() && other != plan.id)
                    error(out, upath + QStringLiteral(".apiKeyIds"),
                          QStringLiteral("API key %1 is already in usage plan %2 for stage %3/%4; a key may be in only one plan per stage")
                              .arg(keyId, other, st.apiId, st.stage));
                else
                    planOfKeyOnStage.insert(slot, plan.id);
            }
        }
    }
}

void checkRequestValidation(const ApiDefinition &def, const QString &path, Diagnostics &out)
{
    if (def.apiKeySource != QLatin1String("HEADER") && def.apiKeySource != QLatin1String("AUTHORIZER"))
        error(out, path + QStringLiteral(".apiKeySource"), QStringLiteral("apiKeySource must be HEADER or AUTHORIZER"));
    QSet<QString> validatorIds;
    for (qsizetype k = 0; k < def.requestValidators.size(); ++k) {
        const QString id = def.requestValidators[k].id;
        if (id.isEmpty() || validatorIds.contains(id))
            error(out, path + QStringLiteral(".requestValidators[%1].id").arg(k), QStringLiteral("request validator ids must be present and unique"));
        validatorIds.insert(id);
    }
    QSet<QString> models;
    for (qsizetype k = 0; k < def.models.size(); ++k) {
        const ApiModel &m = def.models[k];
        static const QRegularExpression nameRe(QStringLiteral("^[A-Za-z0-9]+$"));
        if (!nameRe.match(m.name).hasMatch())
            out.append({Diagnostic::Severity::Warning, path + QStringLiteral(".models[%1].name").arg(k),
                        QStringLiteral("API Gateway accepts only letters and digits in model names")});
        if (m.name.isEmpty())
            error(out, path + QStringLiteral(".models[%1].name").arg(k), QStringLiteral("model name is empty"));
        else if (models.contains(m.name))
            error(out, path + QStringLiteral(".models[%1].name").arg(k), QStringLiteral("model %1 is defined twice").arg(m.name));
        models.insert(m.name);
    }
    // Built in, unless the API defines its own (imports of AWS exports carry them).
    models.insert(QStringLiteral("Empty"));
    models.insert(QStringLiteral("Error"));
    for (qsizetype r = 0; r < def.resources.size(); ++r) {
        for (auto it = def.resources[r].methods.begin(); it != def.resources[r].methods.end(); ++it) {
            const QString mpath = path + QStringLiteral(".resources[%1].methods.").arg(r) + it.key();
            const Method &m = it.value();
            if (!m.requestValidatorId.isEmpty() && !validatorIds.contains(m.requestValidatorId))
                error(out, mpath + QStringLiteral(".requestValidatorId"),
                      QStringLiteral("request validator %1 does not exist").arg(m.requestValidatorId));
            for (auto rm = m.requestModels.begin(); rm != m.requestModels.end(); ++rm)
                if (!models.contains(rm.value()))
                    error(out, mpath + QStringLiteral(".requestModels.") + rm.key(), QStringLiteral("model %1 does not exist").arg(rm.value()));
        }
    }
}

} // namespace gw::model
