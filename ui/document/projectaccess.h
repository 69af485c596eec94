#pragma once

#include "itemref.h"

#include "gateway/model/project.h"

namespace gw::ui {

// Finds what an ItemRef points at; null when it no longer exists (deleted, undone).
const gw::model::Api *findApi(const gw::model::Project &p, const ItemRef &ref);
gw::model::Api *findApi(gw::model::Project &p, const ItemRef &ref);
const gw::model::Resource *findResource(const gw::model::Project &p, const ItemRef &ref);
gw::model::Resource *findResource(gw::model::Project &p, const ItemRef &ref);
const gw::model::Method *findMethod(const gw::model::Project &p, const ItemRef &ref);
gw::model::Method *findMethod(gw::model::Project &p, const ItemRef &ref);
const gw::model::Stage *findStage(const gw::model::Project &p, const ItemRef &ref);
gw::model::Stage *findStage(gw::model::Project &p, const ItemRef &ref);
gw::model::Function *findFunction(gw::model::Project &p, const ItemRef &ref);
const gw::model::Function *findFunction(const gw::model::Project &p, const ItemRef &ref);
// Who may call: authorizers, validators, keys and plans by id; models by name.
gw::model::Authorizer *findAuthorizer(gw::model::Project &p, const ItemRef &ref);
const gw::model::Authorizer *findAuthorizer(const gw::model::Project &p, const ItemRef &ref);
gw::model::ApiModel *findModel(gw::model::Project &p, const ItemRef &ref);
const gw::model::ApiModel *findModel(const gw::model::Project &p, const ItemRef &ref);
gw::model::RequestValidator *findValidator(gw::model::Project &p, const ItemRef &ref);
const gw::model::RequestValidator *findValidator(const gw::model::Project &p, const ItemRef &ref);
gw::model::ApiKey *findApiKey(gw::model::Project &p, const ItemRef &ref);
const gw::model::ApiKey *findApiKey(const gw::model::Project &p, const ItemRef &ref);
gw::model::UsagePlan *findUsagePlan(gw::model::Project &p, const ItemRef &ref);
const gw::model::UsagePlan *findUsagePlan(const gw::model::Project &p, const ItemRef &ref);

// The JSON path check() uses for the item ("apis[0].design.resources[2].methods.GET"), so an
// editor can show the diagnostics that concern it.
QString jsonPathOf(const gw::model::Project &p, const ItemRef &ref);

} // namespace gw::ui
