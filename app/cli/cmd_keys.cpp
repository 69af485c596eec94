#include "command.h"
#include "projectloader.h"

#include "gateway/apikeys/apikeyvalue.h"
#include "gateway/model/check.h"
#include "gateway/model/projectfile.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace gw::cli {

// One line of `keys list`: the key never in clear, its plans and their configured quota (the
// CLI does not serve, so there is no usage to subtract: what remains is the whole limit).
static QJsonObject describeKey(const model::Project &project, const model::ApiKey &key)
{
    QJsonArray plans;
    for (const model::UsagePlan &plan : project.usagePlans) {
        if (!plan.apiKeyIds.contains(key.id))
            continue;
        QJsonObject p{{QStringLiteral("id"), plan.id}, {QStringLiteral("name"), plan.name}};
        QJsonArray stages;
        for (const model::UsagePlanStage &s : plan.apiStages)
            stages.append(QString(s.apiId + QLatin1Char('/') + s.stage));
        p.insert(QStringLiteral("apiStages"), stages);
        if (plan.quota)
            p.insert(QStringLiteral("quota"), QJsonObject{{QStringLiteral("limit"), plan.quota->limit},
                                                          {QStringLiteral("period"), plan.quota->period},
                                                          {QStringLiteral("remaining"), plan.quota->limit}});
        plans.append(p);
    }
    return {{QStringLiteral("id"), key.id}, {QStringLiteral("name"), key.name},
            {QStringLiteral("value"), apikeys::maskApiKey(key.value)}, {QStringLiteral("enabled"), key.enabled},
            {QStringLiteral("usagePlans"), plans}};
}

static int listKeys(QStringList args)
{
    const bool json = takeFlag(args, QStringLiteral("--json"));
    if (args.size() != 1) {
        err() << "usage: gatewright-cli keys list PROJECT [--json]\n";
        return 2;
    }
    const auto project = loadProjectOrReport(args.first());
    if (!project)
        return 1;
    QJsonArray keys;
    for (const model::ApiKey &key : project->apiKeys)
        keys.append(describeKey(*project, key));
    if (json) {
        out() << QString::fromUtf8(QJsonDocument(keys).toJson(QJsonDocument::Indented));
        return 0;
    }
    out() << "ID\tNAME\tVALUE\tENABLED\tPLAN\tQUOTA\n";
    for (const QJsonValue &k : std::as_const(keys)) {
        const QJsonObject o = k.toObject();
        QStringList plans, quotas;
        for (const QJsonValue &p : o.value(QStringLiteral("usagePlans")).toArray()) {
            plans.append(p[QStringLiteral("id")].toString());
            const QJsonObject q = p[QStringLiteral("quota")].toObject();
            quotas.append(q.isEmpty() ? QStringLiteral("-")
                                      : QStringLiteral("%1/%2").arg(q.value(QStringLiteral("limit")).toInt()).arg(q.value(QStringLiteral("period")).toString()));
        }
        out() << o.value(QStringLiteral("id")).toString() << '\t' << o.value(QStringLiteral("name")).toString() << '\t'
              << o.value(QStringLiteral("value")).toString() << '\t' << (o.value(QStringLiteral("enabled")).toBool() ? "yes" : "no") << '\t'
              << (plans.isEmpty() ? QStringLiteral("-") : plans.join(QLatin1Char(','))) << '\t'
              << (quotas.isEmpty() ? QStringLiteral("-") : quotas.join(QLatin1Char(','))) << '\n';
    }
    return 0;
}

// Adds a key (generated unless --value is given) and saves the project atomically. The value is
// printed once, as API Gateway's create-api-key returns it: afterwards only its mask is shown.
static int createKey(QStringList args)
{
    model::ApiKey key;
    key.name = takeOption(args, QStringLiteral("--name"));
    key.value = takeOption(args, QStringLiteral("--value"));
    const QString planId = takeOption(args, QStringLiteral("--plan"));
    key.enabled = !takeFlag(args, QStringLiteral("--disabled"));
    if (args.size() != 1 || key.name.isEmpty()) {
        err() << "usage: gatewright-cli keys create PROJECT --name NAME [--value VALUE] [--plan USAGE_PLAN_ID] [--disabled]\n";
        return 2;
    }
    const QString file = args.first();
    auto project = loadProjectOrReport(file);
    if (!project)
        return 1;
    if (key.value.isEmpty())
        key.value = apikeys::generateApiKeyValue();
    do
        key.id = apikeys::generateApiKeyId();
    while (std::any_of(project->apiKeys.cbegin(), project->apiKeys.cend(), [&](const model::ApiKey &k) { return k.id == key.id; }));
    const qsizetype index = project->apiKeys.size();
    project->apiKeys.append(key);
    if (!planId.isEmpty()) {
        auto plan = std::find_if(project->usagePlans.begin(), project->usagePlans.end(), [&](const model::UsagePlan &p) { return p.id == planId; });
        if (plan == project->usagePlans.end()) {
            err() << file << ":usagePlans: usage plan " << planId << " does not exist\n";
            return 1;
        }
        plan->apiKeyIds.append(key.id);
    }
    // Refuse to save a key that check() finds wrong (e.g. a --value that is too short or taken).
    const QString keyPath = QStringLiteral("apiKeys[%1]").arg(index);
    bool refused = false;
    for (const model::Diagnostic &d : model::check(*project))
        if (d.severity == model::Diagnostic::Severity::Error && (d.path.startsWith(keyPath) || d.path.startsWith(QLatin1String("usagePlans")))) {
            err() << d.toString(file) << '\n';
            refused = true;
        }
    if (refused)
        return 1;
    QString error;
    if (!model::saveProject(*project, file, &error)) {
        err() << file << ": " << error << '\n';
        return 1;
    }
    out() << QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("id"), key.id}, {QStringLiteral("name"), key.name},
                                                         {QStringLiteral("value"), key.value}, {QStringLiteral("enabled"), key.enabled}})
                                   .toJson(QJsonDocument::Compact))
          << '\n';
    return 0;
}

static int runKeys(const QStringList &arguments)
{
    QStringList args = arguments;
    const QString verb = args.isEmpty() ? QString() : args.takeFirst();
    if (verb == QLatin1String("list"))
        return listKeys(args);
    if (verb == QLatin1String("create"))
        return createKey(args);
    err() << "usage: gatewright-cli keys list PROJECT [--json] | keys create PROJECT --name NAME [--value VALUE] [--plan ID] [--disabled]\n";
    return 2;
}

static CommandRegistration registration({"keys", "keys list|create PROJECT ...        list API keys (masked) with plans and quotas; create a key", &runKeys});

} // namespace gw::cli
