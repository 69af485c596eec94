#pragma once

#include "itemref.h"

#include "gateway/model/project.h"

namespace gw::ui {

// The navigator's structural edits for who may call: a new authorizer, model, validator, API
// key or usage plan in `folder` (free name, fresh id, sensible defaults), and deleting one.
// Pure functions on a copy of the project; the caller makes the copy one undo step.

// The added item's ref; Kind::None when `folder` is not such a folder or its API is gone.
ItemRef addAccessItem(gw::model::Project &project, const ItemRef &folder);
// False when `ref` names nothing. Deleting a key also takes it out of every usage plan (AWS does
// the same); methods that point at a deleted authorizer, validator or model keep the reference,
// and check() flags it, so the user sees what to fix (or undoes).
bool deleteAccessItem(gw::model::Project &project, const ItemRef &ref);
// "Add authorizer", "Delete usage plan" ... for menus and undo texts.
QString addActionText(ItemRef::Kind folder);
QString deleteActionText(ItemRef::Kind item);

} // namespace gw::ui
