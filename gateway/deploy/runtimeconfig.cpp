#include "runtimeconfig.h"

#include "gateway/apikeys/apikeytable.h"
#include "gateway/apikeys/quotaledger.h"
#include "trafficcompiler.h"

#include "gateway/aws/credentialsprovider.h"
#include "gateway/aws/servicerequestbuilder.h"
#include "gateway/validate/methodvalidation.h"

#include <QDir>

namespace gw::deploy {

const CompiledMethod *CompiledResource::method(const QString &verb) const
{
    auto it = methods.constFind(verb);
    if (it != methods.cend())
        return &*it;
    it = methods.constFind(QStringLiteral("ANY"));
    return it != methods.cend() ? &*it : nullptr;
}

std::shared_ptr<const CompiledApi> RuntimeConfig::api(const QString &id) const
{
    return apis.value(id.toLower());
}

const model::Function *RuntimeConfig::function(const QString &name) const
{
    const auto it = functions.constFind(name);
    return it != functions.cend() ? &*it : nullptr;
}

namespace {

// Whether any deployment calls an AWS service other than Lambda (whose functions are local).
bool usesAwsServices(const model::Project &project)
{
    for (const model::Api &api : project.apis)
        for (const model::Deployment &d : api.deployments)
            for (const model::Resource &r : d.api.resources)
                for (const model::Method &m : r.methods)
                    if (m.integration && m.integration->type == model::IntegrationType::Aws
                        && !m.integration->uri.contains(QLatin1String(":lambda:path/")))
                        return true;
    return false;
}

void compileAwsServices(const model::Project &project, RuntimeConfig *config, model::Diagnostics *diagnostics)
{
    config->aws = project.aws;
    if (!usesAwsServices(project))
        return;
    const aws::ResolvedCredentials resolved = aws::CredentialsProvider().resolve(project.aws.profile);
    if (!resolved.ok()) {
        config->awsCredentialsError = resolved.error;
        if (diagnostics)
            diagnostics->append({model::Diagnostic::Severity::Warning, QStringLiteral("aws.profile"),
                                 QStringLiteral("AWS service integrations will fail: %1").arg(resolved.error)});
        return;
    }
    aws::ServiceEndpoints endpoints;
    if (!project.aws.defaultEndpoint.isEmpty())
        endpoints.setDefaultEndpoint(QUrl(project.aws.defaultEndpoint));
    for (auto it = project.aws.endpoints.begin(); it != project.aws.endpoints.end(); ++it)
        endpoints.setEndpoint(it.key(), QUrl(it.value()));
    config->awsRequests = std::make_shared<const aws::ServiceRequestBuilder>(resolved.credentials, endpoints);
}

} // namespace

// `templatesOk` turns false when a mapping template does not parse: such a deployment is not
// served (the diagnostic says where), rather than failing each request that reaches it.
static CompiledMethod compileMethod(const model::Resource &r, const model::Method &method, model::Diagnostics *diagnostics,
                                   const QString &methodPath, const model::ApiDefinition &definition,
                                   const validate::ModelSchemas &schemas, bool *templatesOk)
{
    CompiledMethod cm;
    cm.resourceId = r.id;
    cm.resourcePath = r.path;
    cm.method = method;
    cm.validation = validate::MethodValidation::compile(method, definition, schemas);
    if (!cm.method.integration)
        return cm;
    const QString integrationPath = methodPath + QStringLiteral(".integration");
    cm.requestTemplates = compileTemplates(cm.method.integration->requestTemplates,
                                           integrationPath + QStringLiteral(".requestTemplates"), diagnostics, templatesOk);
    const auto &responses = cm.method.integration->integrationResponses;
    for (qsizetype i = 0; i < responses.size(); ++i) {
        CompiledIntegrationResponse ci;
        ci.definition = responses[i];
        ci.templates = compileTemplates(responses[i].responseTemplates,
                                        integrationPath + QStringLiteral(".integrationResponses[%1].responseTemplates").arg(i),
                                        diagnostics, templatesOk);
        ci.isDefault = responses[i].selectionPattern.isEmpty();
        ci.status = responses[i].statusCode.toInt();
        if (!ci.isDefault) {
            ci.pattern = QRegularExpression(QRegularExpression::anchoredPattern(responses[i].selectionPattern));
            if (!ci.pattern.isValid() && diagnostics)
                diagnostics->append({model::Diagnostic::Severity::Error,
                                     methodPath + QStringLiteral(".integration.integrationResponses[%1].selectionPattern").arg(i),
                                     QStringLiteral("invalid regular expression: %1").arg(ci.pattern.errorString())});
            ci.pattern.optimize();
        }
        cm.integrationResponses.append(ci);
    }
    return cm;
}

std::shared_ptr<const CompiledDeployment> compileDeployment(const model::Deployment &deployment,
                                                            model::Diagnostics *diagnostics,
                                                            const QString &path,
                                                            const auth::AuthCompileInput &authInput)
{
    auto out = std::make_shared<CompiledDeployment>();
    bool templatesOk = true;
    out->id = deployment.id;
    out->definition = deployment.api;
    const validate::ModelSchemas schemas = validate::ModelSchemas::compile(deployment.api, diagnostics, path);
    for (qsizetype k = 0; k < deployment.api.resources.size(); ++k) {
        const model::Resource &r = deployment.api.resources[k];
        auto cr = std::make_unique<CompiledResource>();
        cr->id = r.id;
        cr->path = r.path;
        for (auto it = r.methods.begin(); it != r.methods.end(); ++it)
            cr->methods.insert(it.key(), compileMethod(r, it.value(), diagnostics,
                                                       QStringLiteral("%1.resources[%2].methods.%3").arg(path).arg(k).arg(it.key()),
                                                       deployment.api, schemas, &templatesOk));
        out->router.add(r.path, cr.get());
        out->resources.push_back(std::move(cr));
    }
    if (deployment.api.defaultRoute) {
        model::Resource pseudo;
        pseudo.id = QStringLiteral("$default");
        pseudo.path = QStringLiteral("$default");
        out->defaultRoute = std::make_unique<CompiledResource>();
        out->defaultRoute->id = pseudo.id;
        out->defaultRoute->path = pseudo.path;
        out->defaultRoute->methods.insert(QStringLiteral("ANY"), compileMethod(pseudo, *deployment.api.defaultRoute, diagnostics,
                                                                              path + QStringLiteral(".defaultRoute"), deployment.api, schemas,
                                                                              &templatesOk));
    }
    out->cors = compileCors(deployment.api);
    out->auth = auth::compileAuth(deployment.api, authInput, diagnostics, path);
    if (!templatesOk)
        return nullptr;
    return out;
}

std::shared_ptr<const RuntimeConfig> compile(const model::Project &project, model::Diagnostics *diagnostics,
                                             const QString &projectDir)
{
    auto config = std::make_shared<RuntimeConfig>();
    config->traceBodyLimit = project.server.traceBodyLimit;
    for (const QString &h : project.server.maskedHeaders)
        config->maskedHeaders.append(h.toLatin1());
    for (qsizetype a = 0; a < project.apis.size(); ++a) {
        const model::Api &api = project.apis[a];
        auto capi = std::make_shared<CompiledApi>();
        capi->id = api.id;
        capi->name = api.name;
        capi->type = api.type;
        capi->endpointType = api.endpointType;
        if (diagnostics) { // the design's models and key files, so that check reports them before a deploy
            validate::ModelSchemas::compile(api.design, diagnostics, QStringLiteral("apis[%1].design").arg(a));
            auth::checkJwksFiles(api.design, projectDir, diagnostics, QStringLiteral("apis[%1].design").arg(a));
        }
        QHash<QString, std::shared_ptr<const CompiledDeployment>> deployments;
        auto deploymentFor = [&](const QString &id) -> std::shared_ptr<const CompiledDeployment> {
            if (id.isEmpty())
                return nullptr;
            if (auto it = deployments.constFind(id); it != deployments.cend())
                return *it;
            for (qsizetype d = 0; d < api.deployments.size(); ++d) {
                if (api.deployments[d].id == id) {
                    const auth::AuthCompileInput authInput{api.id, project.aws.region, QStringLiteral("000000000000"),
                                                           projectDir, api.type == model::ApiType::Http};
                    auto compiled = compileDeployment(api.deployments[d], diagnostics,
                                                      QStringLiteral("apis[%1].deployments[%2].api").arg(a).arg(d), authInput);
                    deployments.insert(id, compiled);
                    return compiled;
                }
            }
            return nullptr;
        };
        for (qsizetype si = 0; si < api.stages.size(); ++si) {
            const model::Stage &s = api.stages[si];
            auto cs = std::make_shared<CompiledStage>();
            if (!s.accessLogFormat.isEmpty()) {
                // A preset's name (CLF, JSON, XML, CSV) stands for the console's preset format.
                const QString preset = observe::AccessLogFormat::preset(s.accessLogFormat.trimmed().toUpper());
                auto parsed = observe::AccessLogFormat::parse(preset.isEmpty() ? s.accessLogFormat : preset);
                if (!parsed.ok) {
                    if (diagnostics)
                        diagnostics->append({model::Diagnostic::Severity::Error,
                                             QStringLiteral("apis[%1].stages[%2].accessLogFormat").arg(a).arg(si),
                                             QStringLiteral("invalid access-log format: %1").arg(parsed.error)});
                } else if (!s.accessLogDestination.isEmpty()) {
                    cs->accessLogFormat = std::make_shared<const observe::AccessLogFormat>(parsed.format);
                    cs->accessLogPath = QDir::cleanPath(QDir(projectDir.isEmpty() ? QDir::currentPath() : projectDir)
                                                            .absoluteFilePath(s.accessLogDestination));
                }
            }
            cs->name = s.name;
            cs->settings = s;
            cs->variables = s.variables;
            cs->deployment = deploymentFor(s.deploymentId);
            if (s.canary && !s.canary->deploymentId.isEmpty()) {
                CompiledCanary canary;
                canary.deployment = deploymentFor(s.canary->deploymentId);
                canary.percentTraffic = s.canary->percentTraffic;
                canary.variables = s.variables;
                for (auto it = s.canary->stageVariableOverrides.begin(); it != s.canary->stageVariableOverrides.end(); ++it)
                    canary.variables.insert(it.key(), it.value());
                canary.useStageCache = s.canary->useStageCache;
                if (canary.deployment)
                    cs->canary = canary;
            }
            compileStageTraffic(*capi, *cs);
            capi->stages.insert(s.name, cs);
        }
        config->apis.insert(api.id.toLower(), capi);
    }
    for (const model::Function &f : project.functions)
        config->functions.insert(f.name, f);
    compileAwsServices(project, config.get(), diagnostics);
    config->apiKeys = apikeys::ApiKeyTable::build(project);
    config->iamIdentities = auth::IamIdentityTable::build(project.iamIdentities, QStringLiteral("000000000000"));
    config->quotas = std::make_shared<apikeys::QuotaLedger>();
    compileProjectTraffic(project, config.get());
    return config;
}

} // namespace gw::deploy
