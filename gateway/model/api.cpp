#include "api.h"
#include "project.h"

namespace gw::model {

QString Resource::pathPart() const
{
    if (path == QLatin1String("/"))
        return {};
    return path.mid(path.lastIndexOf(QLatin1Char('/')) + 1);
}

QString Resource::parentPath() const
{
    if (path == QLatin1String("/"))
        return {};
    const auto slash = path.lastIndexOf(QLatin1Char('/'));
    return slash <= 0 ? QStringLiteral("/") : path.left(slash);
}

const Resource *ApiDefinition::resource(const QString &path) const
{
    for (const auto &r : resources)
        if (r.path == path)
            return &r;
    return nullptr;
}

Resource *ApiDefinition::resource(const QString &path)
{
    for (auto &r : resources)
        if (r.path == path)
            return &r;
    return nullptr;
}

const Deployment *Api::deployment(const QString &id) const
{
    for (const auto &d : deployments)
        if (d.id == id)
            return &d;
    return nullptr;
}

const Stage *Api::stage(const QString &name) const
{
    for (const auto &s : stages)
        if (s.name == name)
            return &s;
    return nullptr;
}

Stage *Api::stage(const QString &name)
{
    for (auto &s : stages)
        if (s.name == name)
            return &s;
    return nullptr;
}

const Api *Project::api(const QString &id) const
{
    for (const auto &a : apis)
        if (a.id == id)
            return &a;
    return nullptr;
}

Api *Project::api(const QString &id)
{
    for (auto &a : apis)
        if (a.id == id)
            return &a;
    return nullptr;
}

const Function *Project::function(const QString &name) const
{
    for (const auto &f : functions)
        if (f.name == name)
            return &f;
    return nullptr;
}

QString toString(ApiType type)
{
    switch (type) {
    case ApiType::Rest: return QStringLiteral("REST");
    case ApiType::Http: return QStringLiteral("HTTP");
    case ApiType::WebSocket: return QStringLiteral("WEBSOCKET");
    }
    return {};
}

std::optional<ApiType> apiTypeFromString(const QString &s)
{
    const QString u = s.toUpper();
    if (u == QLatin1String("REST")) return ApiType::Rest;
    if (u == QLatin1String("HTTP")) return ApiType::Http;
    if (u == QLatin1String("WEBSOCKET")) return ApiType::WebSocket;
    return std::nullopt;
}

QString toString(IntegrationType type)
{
    switch (type) {
    case IntegrationType::Mock: return QStringLiteral("MOCK");
    case IntegrationType::Http: return QStringLiteral("HTTP");
    case IntegrationType::HttpProxy: return QStringLiteral("HTTP_PROXY");
    case IntegrationType::Aws: return QStringLiteral("AWS");
    case IntegrationType::AwsProxy: return QStringLiteral("AWS_PROXY");
    }
    return {};
}

std::optional<IntegrationType> integrationTypeFromString(const QString &s)
{
    const QString u = s.toUpper();
    if (u == QLatin1String("MOCK")) return IntegrationType::Mock;
    if (u == QLatin1String("HTTP")) return IntegrationType::Http;
    if (u == QLatin1String("HTTP_PROXY")) return IntegrationType::HttpProxy;
    if (u == QLatin1String("AWS")) return IntegrationType::Aws;
    if (u == QLatin1String("AWS_PROXY")) return IntegrationType::AwsProxy;
    return std::nullopt;
}

QString toString(PassthroughBehavior behavior)
{
    switch (behavior) {
    case PassthroughBehavior::WhenNoMatch: return QStringLiteral("WHEN_NO_MATCH");
    case PassthroughBehavior::WhenNoTemplates: return QStringLiteral("WHEN_NO_TEMPLATES");
    case PassthroughBehavior::Never: return QStringLiteral("NEVER");
    }
    return {};
}

std::optional<PassthroughBehavior> passthroughFromString(const QString &s)
{
    const QString u = s.toUpper();
    if (u == QLatin1String("WHEN_NO_MATCH")) return PassthroughBehavior::WhenNoMatch;
    if (u == QLatin1String("WHEN_NO_TEMPLATES")) return PassthroughBehavior::WhenNoTemplates;
    if (u == QLatin1String("NEVER")) return PassthroughBehavior::Never;
    return std::nullopt;
}

} // namespace gw::model
