#pragma once

#include "compiledauthorizer.h"
#include "resourcepolicy.h"

#include <QHash>

namespace gw::auth {

// A deployment's access control, compiled once: its authorizers by id and its resource policy.
struct CompiledAuth
{
    QHash<QString, std::shared_ptr<const CompiledAuthorizer>> authorizers;
    std::optional<ResourcePolicy> resourcePolicy;  // absent: the API has none
    QString arnPrefix;                             // arn:aws:execute-api:{region}:{account}:{apiId}

    const CompiledAuthorizer *authorizer(const QString &id) const
    {
        const auto it = authorizers.constFind(id);
        return it != authorizers.cend() ? it->get() : nullptr;
    }
};

std::shared_ptr<const CompiledAuth> compileAuth(const model::ApiDefinition &definition, const AuthCompileInput &input,
                                                model::Diagnostics *diagnostics, const QString &path);

} // namespace gw::auth
