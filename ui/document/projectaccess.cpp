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

} // namespace

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
    for (qsizetype a = 0; a < p.apis.size(); ++a) {
        const auto &api = p.apis[a];
        if (api.id != ref.apiId)
            continue;
        const QString apiPath = QStringLiteral("apis[%1]").arg(a);
        if (ref.kind == K::Api)
            return apiPath;
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
