#pragma once

#include "gateway/auth/identitysource.h"

#include <QStringList>

namespace gw::pipeline {

struct RequestContext;

// The values of an authorizer's identity sources for one request, in order; empty strings for
// absent ones. context.X reads $context (identity.sourceIp, requestId, ...).
QStringList identityValues(const RequestContext &ctx, const QList<auth::IdentitySource> &sources);

} // namespace gw::pipeline
