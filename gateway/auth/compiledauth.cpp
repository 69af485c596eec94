#include "compiledauth.h"

#include "gateway/model/diagnostic.h"

namespace gw::auth {

std::shared_ptr<const CompiledAuth> compileAuth(const model::ApiDefinition &definition, const AuthCompileInput &input,
                                                model::Diagnostics *diagnostics, const QString &path)
{
    auto out = std::make_shared<CompiledAuth>();
    out->arnPrefix = QStringLiteral("arn:aws:execute-api:%1:%2:%3").arg(input.region, input.accountId, input.apiId);
    for (qsizetype i = 0; i < definition.authorizers.size(); ++i) {
        const model::Authorizer &a = definition.authorizers[i];
        if (auto c = compileAuthorizer(a, input, diagnostics, path + QStringLiteral(".authorizers[%1]").arg(i)))
            out->authorizers.insert(a.id, std::move(c));
    }
    if (!definition.policy.isEmpty()) {
        QString error, errorPath;
        out->resourcePolicy = ResourcePolicy::compile(definition.policy, out->arnPrefix, &error, &errorPath);
        if (!out->resourcePolicy && diagnostics)
            diagnostics->append({model::Diagnostic::Severity::Error, path + QStringLiteral(".policy.") + errorPath, error});
        // A broken policy must not open the API: deny everything rather than serve without it.
        if (!out->resourcePolicy)
            out->resourcePolicy = ResourcePolicy::compile(
                QJsonObject{{QStringLiteral("Statement"), QJsonObject{{QStringLiteral("Effect"), QStringLiteral("Deny")},
                                                                      {QStringLiteral("Principal"), QStringLiteral("*")},
                                                                      {QStringLiteral("Action"), QStringLiteral("*")},
                                                                      {QStringLiteral("Resource"), QStringLiteral("*")}}}},
                out->arnPrefix, &error);
    }
    return out;
}

} // namespace gw::auth
