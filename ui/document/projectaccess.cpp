#include "projectaccess.h"

namespace gw::ui {

namespace {

template<typename P, typename A>
A *apiIn(P &p, const ItemRef &ref)
{
    for (auto &api : p.apis)
        if (api.id == ref.apiId)
            return &api;
    return nullptr;
}

// The index of the item whose `field` is `value` in `list`, or -1.
template<typename List, typename Field>
qsizetype indexBy(const List &list, const QString &value, Field field)
{
    for (qsizetype i = 0; i < list.size(); ++i)
        if (list[i].*field == value)
            return i;
    return -1;
}

template<typename List, typename Field>
auto *byField(List &list, const QString &value, Field field)
{
    const qsizetype i = indexBy(list, value, field);
    return i < 0 ? nullptr : &list[i];
}

} // namespace

gw::model::Authorizer *findAuthorizer(gw::model::Project &p, const ItemRef &ref)
{
    auto *api = findApi(p, ref);
    return api ? byField(api->design.authorizers, ref.name, &gw::model::Authorizer::id) : nullptr;
}

const gw::model::Authorizer *findAuthorizer(const gw::model::Project &p, const ItemRef &ref)
{
    const auto *api = findApi(p, ref);
    return api ? byField(api->design.authorizers, ref.name, &gw::model::Authorizer::id) : nullptr;
}

gw::model::ApiModel *findModel(gw::model::Project &p, const ItemRef &ref)
{
    auto *api = findApi(p, ref);
    return api ? byField(api->design.models, ref.name, &gw::model::ApiModel::name) : nullptr;
}

const gw::model::ApiModel *findModel(const gw::model::Project &p, const ItemRef &ref)
{
    const auto *api = findApi(p, ref);
    return api ? byField(api->design.models, ref.name, &gw::model::ApiModel::name) : nullptr;
}

gw::model::RequestValidator *findValidator(gw::model::Project &p, const ItemRef &ref)
{
    auto *api = findApi(p, ref);
    return api ? byField(api->design.requestValidators, ref.name, &gw::model::RequestValidator::id) : nullptr;
}

const gw::model::RequestValidator *findValidator(const gw::model::Project &p, const ItemRef &ref)
{
    const auto *api = findApi(p, ref);
    return api ? byField(api->design.requestValidators, ref.name, &gw::model::RequestValidator::id) : nullptr;
}

gw::model::ApiKey *findApiKey(gw::model::Project &p, const ItemRef &ref)
{
    return byField(p.apiKeys, ref.name, &gw::model::ApiKey::id);
}

const gw::model::ApiKey *findApiKey(const gw::model::Project &p, const ItemRef &ref)
{
    return byField(p.apiKeys, ref.name, &gw::model::ApiKey::id);
}

gw::model::UsagePlan *findUsagePlan(gw::model::Project &p, const ItemRef &ref)
{
    return byField(p.usagePlans, ref.name, &gw::model::UsagePlan::id);
}

const gw::model::UsagePlan *findUsagePlan(const gw::model::Project &p, const ItemRef &ref)
{
    return byField(p.usagePlans, ref.name, &gw::model::UsagePlan::id);
}

const gw::model::Api *findApi(const gw::model::Project &p, const ItemRef &ref)
{
    return apiIn<const gw::model::Project, const gw::model::Api>(p, ref);
}

gw::model::Api *findApi(gw::model::Project &p, const ItemRef &ref)
{
    return apiIn<gw::model::Project, gw::model::Api>(p, ref);
}

const gw::model::Resource *findResource(const gw::model::Project &p, const ItemRef &ref)
{
    const auto *api = findApi(p, ref);
    return api ? api->design.resource(ref.path) : nullptr;
}

gw::model::Resource *findResource(gw::model::Project &p, const ItemRef &ref)
{
    auto *api = findApi(p, ref);
    return api ? api->design.resource(ref.path) : nullptr;
}

const gw::model::Method *findMethod(const gw::model::Project &p, const ItemRef &ref)
{
    const auto *r = findResource(p, ref);
    if (!r)
        return nullptr;
    const auto it = r->methods.constFind(ref.verb);
    return it == r->methods.cend() ? nullptr : &*it;
}

gw::model::Method *findMethod(gw::model::Project &p, const ItemRef &ref)
{
    auto *r = findResource(p, ref);
    if (!r)
        return nullptr;
    const auto it = r->methods.find(ref.verb);
    return it == r->methods.end() ? nullptr : &*it;
}

const gw::model::Stage *findStage(const gw::model::Project &p, const ItemRef &ref)
{
    const auto *api = findApi(p, ref);
    return api ? api->stage(ref.name) : nullptr;
}

gw::model::Stage *findStage(gw::model::Project &p, const ItemRef &ref)
{
    auto *api = findApi(p, ref);
    return api ? api->stage(ref.name) : nullptr;
}

gw::model::Function *findFunction(gw::model::Project &p, const ItemRef &ref)
{
    for (auto &f : p.functions)
        if (f.name == ref.name)
            return &f;
    return nullptr;
}

const gw::model::Function *findFunction(const gw::model::Project &p, const ItemRef &ref)
{
    return p.function(ref.name);
}

QString jsonPathOf(const gw::model::Project &p, const ItemRef &ref)
{
    using K = ItemRef::Kind;
    if (ref.kind == K::Project)
        return QStringLiteral("server");
    if (ref.kind == K::Function || ref.kind == K::Functions) {
        for (qsizetype i = 0; i < p.functions.size(); ++i)
            if (p.functions[i].name == ref.name)
                return QStringLiteral("functions[%1]").arg(i);
        return QStringLiteral("functions");
    }
    if (ref.kind == K::ApiKey || ref.kind == K::ApiKeys) {
        const qsizetype i = indexBy(p.apiKeys, ref.name, &gw::model::ApiKey::id);
        return i < 0 ? QStringLiteral("apiKeys") : QStringLiteral("apiKeys[%1]").arg(i);
    }
    if (ref.kind == K::UsagePlan || ref.kind == K::UsagePlans) {
        const qsizetype i = indexBy(p.usagePlans, ref.name, &gw::model::UsagePlan::id);
        return i < 0 ? QStringLiteral("usagePlans") : QStringLiteral("usagePlans[%1]").arg(i);
    }
    for (qsizetype a = 0; a < p.apis.size(); ++a) {
        const auto &api = p.apis[a];
        if (api.id != ref.apiId)
            continue;
        const QString apiPath = QStringLiteral("apis[%1]").arg(a);
        if (ref.kind == K::Api)
            return apiPath;
        const auto item = [&](const QString &list, qsizetype i) -> QString {
            if (i < 0)
                return apiPath + QStringLiteral(".design.") + list;
            return apiPath + QStringLiteral(".design.%1[%2]").arg(list).arg(i);
        };
        if (ref.kind == K::Authorizer || ref.kind == K::Authorizers)
            return item(QStringLiteral("authorizers"), indexBy(api.design.authorizers, ref.name, &gw::model::Authorizer::id));
        if (ref.kind == K::Model || ref.kind == K::Models)
            return item(QStringLiteral("models"), indexBy(api.design.models, ref.name, &gw::model::ApiModel::name));
        if (ref.kind == K::Validator || ref.kind == K::Validators)
            return item(QStringLiteral("requestValidators"), indexBy(api.design.requestValidators, ref.name, &gw::model::RequestValidator::id));
        if (ref.kind == K::Stage)
            for (qsizetype s = 0; s < api.stages.size(); ++s)
                if (api.stages[s].name == ref.name)
                    return apiPath + QStringLiteral(".stages[%1]").arg(s);
        for (qsizetype r = 0; r < api.design.resources.size(); ++r) {
            if (api.design.resources[r].path != ref.path)
                continue;
            const QString resPath = apiPath + QStringLiteral(".design.resources[%1]").arg(r);
            return ref.kind == K::Method ? resPath + QStringLiteral(".methods.") + ref.verb : resPath;
        }
        return apiPath;
    }
    return {};
}

} // namespace gw::ui
