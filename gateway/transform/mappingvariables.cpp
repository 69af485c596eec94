#include "mappingvariables.h"

#include "vtlinput.h"
#include "vtljson.h"
#include "vtlutil.h"

namespace gw::transform {

namespace {

// The map at context.<a>.<b>, created when missing.
VtlMap *submap(VtlMap *parent, const QString &key)
{
    VtlValue v = parent->value(key);
    if (v.type() != VtlValue::Type::Map) {
        v = VtlValue::newMap();
        parent->insert(key, v);
    }
    return v.map();
}

void putPairs(VtlMap *map, const StringPairs &pairs)
{
    for (const auto &p : pairs)
        map->insert(p.first, VtlValue::fromString(p.second));
}

StringPairs readPairs(const VtlValue &map)
{
    StringPairs out;
    if (map.type() != VtlValue::Type::Map)
        return out;
    for (const QString &k : map.map()->keys()) {
        const VtlValue v = map.map()->value(k);
        if (!v.isNull())
            out.append({k, v.toString()});
    }
    return out;
}

} // namespace

VtlVariables mappingVariables(const MappingRequest &request, const MappingOverrides &carried)
{
    VtlVariables vars;
    vars.insert(QStringLiteral("input"), VtlValue::fromObject(std::make_shared<VtlInput>(request.body, request.pathParameters,
                                                                                          request.query, request.headers)));
    VtlValue context = fromQJson(request.context);
    if (context.type() != VtlValue::Type::Map)
        context = VtlValue::newMap();
    VtlMap *requestOverride = submap(context.map(), QStringLiteral("requestOverride"));
    putPairs(submap(requestOverride, QStringLiteral("header")), carried.requestHeaders);
    putPairs(submap(requestOverride, QStringLiteral("querystring")), carried.requestQuery);
    putPairs(submap(requestOverride, QStringLiteral("path")), carried.requestPath);
    VtlMap *responseOverride = submap(context.map(), QStringLiteral("responseOverride"));
    putPairs(submap(responseOverride, QStringLiteral("header")), carried.responseHeaders);
    if (carried.status)
        responseOverride->insert(QStringLiteral("status"), VtlValue::fromInt(*carried.status));
    vars.insert(QStringLiteral("context"), context);
    VtlValue stageVariables = VtlValue::newMap();
    for (auto it = request.stageVariables.begin(); it != request.stageVariables.end(); ++it)
        stageVariables.map()->insert(it.key(), VtlValue::fromString(it.value()));
    vars.insert(QStringLiteral("stageVariables"), stageVariables);
    vars.insert(QStringLiteral("util"), VtlValue::fromObject(std::make_shared<VtlUtil>()));
    for (auto it = request.extra.begin(); it != request.extra.end(); ++it)
        vars.insert(it.key(), it.value());
    return vars;
}

MappingOverrides readOverrides(const VtlVariables &variables)
{
    MappingOverrides out;
    const VtlValue context = variables.value(QStringLiteral("context"));
    if (context.type() != VtlValue::Type::Map)
        return out;
    const VtlValue request = context.map()->value(QStringLiteral("requestOverride"));
    if (request.type() == VtlValue::Type::Map) {
        out.requestHeaders = readPairs(request.map()->value(QStringLiteral("header")));
        out.requestQuery = readPairs(request.map()->value(QStringLiteral("querystring")));
        out.requestPath = readPairs(request.map()->value(QStringLiteral("path")));
    }
    const VtlValue response = context.map()->value(QStringLiteral("responseOverride"));
    if (response.type() == VtlValue::Type::Map) {
        out.responseHeaders = readPairs(response.map()->value(QStringLiteral("header")));
        const VtlValue status = response.map()->value(QStringLiteral("status"));
        bool ok = status.isNumber();
        qint64 code = status.intValue();
        if (status.isString())
            code = status.stringValue().toLongLong(&ok);
        // A status outside 100–599 is ignored, as API Gateway does.
        if (ok && code >= 100 && code <= 599)
            out.status = int(code);
    }
    return out;
}

VtlRenderResult renderMapping(const VtlTemplate &tpl, const MappingRequest &request, MappingOverrides *overrides)
{
    const MappingOverrides carried = overrides ? *overrides : MappingOverrides();
    VtlVariables vars = mappingVariables(request, carried);
    VtlRenderResult result = tpl.render(vars);
    if (result.ok && overrides)
        *overrides = readOverrides(vars);
    return result;
}

} // namespace gw::transform
