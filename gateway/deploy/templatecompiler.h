#pragma once

#include "gateway/model/api.h"
#include "gateway/model/diagnostic.h"
#include "gateway/transform/vtltemplate.h"

#include <QMap>

#include <memory>

namespace gw::model {
struct Project;
}

namespace gw::deploy {

// Mapping templates parsed once, by content type (the same keys as the model's TemplateMap).
using CompiledTemplates = QMap<QString, std::shared_ptr<const transform::VtlTemplate>>;

// Parses each template of `templates`; a syntax error becomes an Error diagnostic at
// path["content/type"] saying line:column and what is wrong, and *ok turns false.
CompiledTemplates compileTemplates(const model::TemplateMap &templates, const QString &path,
                                   model::Diagnostics *diagnostics, bool *ok);

// Parses every mapping template of every API's design (what `check` reports before a deploy).
void checkDesignTemplates(const model::Project &project, model::Diagnostics *diagnostics);

} // namespace gw::deploy
