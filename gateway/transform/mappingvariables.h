#pragma once

#include "mappingrequest.h"
#include "vtltemplate.h"

namespace gw::transform {

// The top-level variables of a mapping template: $input, $context (with the overrides an
// earlier template set), $stageVariables, $util, then request.extra.
VtlVariables mappingVariables(const MappingRequest &request, const MappingOverrides &carried = {});

// Reads $context.requestOverride / responseOverride back after a render.
MappingOverrides readOverrides(const VtlVariables &variables);

// Renders `tpl` for `request`; on success *overrides holds what the template set.
VtlRenderResult renderMapping(const VtlTemplate &tpl, const MappingRequest &request, MappingOverrides *overrides);

} // namespace gw::transform
