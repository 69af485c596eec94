#include "accessedits.h"

#include "projectaccess.h"

#include "gateway/apikeys/apikeyvalue.h"
#include "gateway/core/ids.h"

#include <QCoreApplication>

#include <algorithm>
#include <functional>

namespace gw::ui {

namespace {

QString freeName(const QString &base, const std::function<bool(const QString &)> &taken)
{
    QString name = base;
    for (int n = 2; taken(name); ++n)
        name = base + QString::number(n);
    return name;
}

template<typename List, typename Field>
bool has(const List &list, Field field, const QString &value)
{
    return std::any_of(list.cbegin(), list.cend(), [&](const auto &item) { return item.*field == value; });
}

template<typename List, typename Field>
bool removeBy(List &list, Field field, const QString &value)
{
    return list.removeIf([&](const auto &item) { return item.*field == value; }) > 0;
}

QString tr(const char *text)
{
    return QCoreApplication::translate("gw::ui::AccessEdits", text);
}

} // namespace

ItemRef addAccessItem(gw::model::Project &p, const ItemRef &folder)
{
    using K = ItemRef::Kind;
    namespace m = gw::model;
    if (folder.kind == K::ApiKeys) {
        m::ApiKey key;
        do
            key.id = gw::apikeys::generateApiKeyId();
        while (has(p.apiKeys, &m::ApiKey::id, key.id));
        key.name = freeName(QStringLiteral("key"), [&](const QString &n) { return has(p.apiKeys, &m::ApiKey::name, n); });
        key.value = gw::apikeys::generateApiKeyValue();
        p.apiKeys.append(key);
        return ItemRef{K::ApiKey, {}, {}, {}, key.id};
    }
    if (folder.kind == K::UsagePlans) {
        m::UsagePlan plan;
        do
            plan.id = gw::newResourceId();
        while (has(p.usagePlans, &m::UsagePlan::id, plan.id));
        plan.name = freeName(QStringLiteral("plan"), [&](const QString &n) { return has(p.usagePlans, &m::UsagePlan::name, n); });
        p.usagePlans.append(plan);
        return ItemRef{K::UsagePlan, {}, {}, {}, plan.id};
    }
    m::Api *api = findApi(p, folder);
    if (!api)
        return {};
    m::ApiDefinition &d = api->design;
    if (folder.kind == K::Authorizers) {
        m::Authorizer a;
        do
            a.id = gw::newResourceId();
        while (has(d.authorizers, &m::Authorizer::id, a.id));
        a.name = freeName(QStringLiteral("authorizer"), [&](const QString &n) { return has(d.authorizers, &m::Authorizer::name, n); });
        if (api->type == m::ApiType::Http) {
            // HTTP APIs' Lambda authorizers read the header the $request way.
            a.type = QStringLiteral("REQUEST");
            a.identitySource = QStringLiteral("$request.header.Authorization");
        }
        d.authorizers.append(a);
        return ItemRef{K::Authorizer, api->id, {}, {}, a.id};
    }
    if (folder.kind == K::Models) {
        m::ApiModel model;
        // AWS accepts only letters and digits in model names.
        model.name = freeName(QStringLiteral("Model"), [&](const QString &n) { return has(d.models, &m::ApiModel::name, n); });
        model.schema = QJsonObject{{QStringLiteral("$schema"), QStringLiteral("http://json-schema.org/draft-04/schema#")},
                                   {QStringLiteral("title"), model.name},
                                   {QStringLiteral("type"), QStringLiteral("object")}};
        d.models.append(model);
        return ItemRef{K::Model, api->id, {}, {}, model.name};
    }
    if (folder.kind == K::Validators) {
        m::RequestValidator v;
        do
            v.id = gw::newResourceId();
        while (has(d.requestValidators, &m::RequestValidator::id, v.id));
        v.name = freeName(QStringLiteral("validator"), [&](const QString &n) { return has(d.requestValidators, &m::RequestValidator::name, n); });
        v.validateRequestBody = true;
        v.validateRequestParameters = true;
        d.requestValidators.append(v);
        return ItemRef{K::Validator, api->id, {}, {}, v.id};
    }
    return {};
}

bool deleteAccessItem(gw::model::Project &p, const ItemRef &ref)
{
    using K = ItemRef::Kind;
    namespace m = gw::model;
    switch (ref.kind) {
    case K::ApiKey:
        for (auto &plan : p.usagePlans)
            plan.apiKeyIds.removeAll(ref.name);
        return removeBy(p.apiKeys, &m::ApiKey::id, ref.name);
    case K::UsagePlan:
        return removeBy(p.usagePlans, &m::UsagePlan::id, ref.name);
    default:
        break;
    }
    m::Api *api = findApi(p, ref);
    if (!api)
        return false;
    switch (ref.kind) {
    case K::Authorizer:
        return removeBy(api->design.authorizers, &m::Authorizer::id, ref.name);
    case K::Model:
        return removeBy(api->design.models, &m::ApiModel::name, ref.name);
    case K::Validator:
        return removeBy(api->design.requestValidators, &m::RequestValidator::id, ref.name);
    default:
        return false;
    }
}

QString addActionText(ItemRef::Kind folder)
{
    using K = ItemRef::Kind;
    switch (folder) {
    case K::Authorizers: return tr("Add authorizer");
    case K::Models: return tr("Add model");
    case K::Validators: return tr("Add validator");
    case K::ApiKeys: return tr("Add API key");
    case K::UsagePlans: return tr("Add usage plan");
    default: return {};
    }
}

QString deleteActionText(ItemRef::Kind item)
{
    using K = ItemRef::Kind;
    switch (item) {
    case K::Authorizer: return tr("Delete authorizer");
    case K::Model: return tr("Delete model");
    case K::Validator: return tr("Delete validator");
    case K::ApiKey: return tr("Delete API key");
    case K::UsagePlan: return tr("Delete usage plan");
    default: return {};
    }
}

} // namespace gw::ui
