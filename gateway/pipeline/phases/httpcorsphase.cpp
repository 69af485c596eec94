#include "httpcorsphase.h"

namespace gw::pipeline {

void HttpCorsPhase::onResponse(RequestContext &ctx)
{
    if (ctx.deployment && ctx.deployment->cors)
        ctx.deployment->cors->decorate(ctx.request, ctx.response);
}

} // namespace gw::pipeline
