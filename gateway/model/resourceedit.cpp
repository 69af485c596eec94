#include "resourceedit.h"

#include "check.h"

#include "gateway/core/ids.h"

#include <algorithm>

namespace gw::model {

namespace {

bool isUnder(const QString &path, const QString &ancestor)
{
    if (ancestor == QLatin1String("/"))
        return true;
    return path == ancestor || path.startsWith(ancestor + QLatin1Char('/'));
}

bool isVariable(const QString &segment)
{
    return segment.startsWith(QLatin1Char('{')) && segment.endsWith(QLatin1Char('}'));
}

void sortResources(ApiDefinition &api)
{
    std::sort(api.resources.begin(), api.resources.end(),
              [](const Resource &a, const Resource &b) { return a.path < b.path; });
}

// API Gateway allows one path variable among siblings: /{id} and /{name} under one parent
// would make routing ambiguous.
QString checkSiblings(const ApiDefinition &api, const QString &parentPath, const QString &part, const QString &ignorePath)
{
    for (const Resource &r : api.resources) {
        if (r.path == QLatin1String("/") || r.path == ignorePath || r.parentPath() != parentPath)
            continue;
        if (r.pathPart() == part)
            return QStringLiteral("%1 already exists").arg(r.path);
        if (isVariable(part) && isVariable(r.pathPart()))
            return QStringLiteral("%1 already has a path parameter child (%2); a resource can have only one")
                .arg(parentPath, r.pathPart());
    }
    return {};
}

// Rewrites `from` and everything below it to start with `to`.
void rebase(ApiDefinition &api, const QString &from, const QString &to)
{
    for (Resource &r : api.resources)
        if (isUnder(r.path, from))
            r.path = to + r.path.mid(from.size());
    sortResources(api);
}

} // namespace

QString joinResourcePath(const QString &parentPath, const QString &pathPart)
{
    if (parentPath == QLatin1String("/"))
        return QLatin1Char('/') + pathPart;
    return parentPath + QLatin1Char('/') + pathPart;
}

QString addResource(ApiDefinition &api, const QString &parentPath, const QString &pathPart, QString *createdPath)
{
    const QString part = pathPart.trimmed();
    if (part.isEmpty())
        return QStringLiteral("the path part is empty");
    if (part.contains(QLatin1Char('/')))
        return QStringLiteral("the path part must be one segment (no '/')");
    if (!api.resource(parentPath))
        return QStringLiteral("%1 does not exist").arg(parentPath);
    const QString path = joinResourcePath(parentPath, part);
    if (QString problem = checkResourcePath(path); !problem.isEmpty())
        return problem;
    if (QString problem = checkSiblings(api, parentPath, part, {}); !problem.isEmpty())
        return problem;
    Resource r;
    r.id = gw::newResourceId();
    r.path = path;
    api.resources.append(r);
    sortResources(api);
    if (createdPath)
        *createdPath = path;
    return {};
}

QString renameResource(ApiDefinition &api, const QString &path, const QString &newPathPart, QString *newPath)
{
    const Resource *r = api.resource(path);
    if (!r)
        return QStringLiteral("%1 does not exist").arg(path);
    if (path == QLatin1String("/"))
        return QStringLiteral("the root resource cannot be renamed");
    const QString part = newPathPart.trimmed();
    if (part.isEmpty() || part.contains(QLatin1Char('/')))
        return QStringLiteral("the path part must be one non-empty segment (no '/')");
    const QString parent = r->parentPath();
    const QString target = joinResourcePath(parent, part);
    if (target == path) {
        if (newPath)
            *newPath = path;
        return {};
    }
    if (QString problem = checkResourcePath(target); !problem.isEmpty())
        return problem;
    if (isVariable(part) && part.endsWith(QLatin1String("+}")))
        for (const Resource &other : api.resources)
            if (other.path.startsWith(path + QLatin1Char('/')))
                return QStringLiteral("a greedy path parameter cannot have child resources");
    if (QString problem = checkSiblings(api, parent, part, path); !problem.isEmpty())
        return problem;
    rebase(api, path, target);
    if (newPath)
        *newPath = target;
    return {};
}

QString moveResource(ApiDefinition &api, const QString &path, const QString &newParentPath, QString *newPath)
{
    const Resource *r = api.resource(path);
    if (!r)
        return QStringLiteral("%1 does not exist").arg(path);
    if (path == QLatin1String("/"))
        return QStringLiteral("the root resource cannot be moved");
    const Resource *parent = api.resource(newParentPath);
    if (!parent)
        return QStringLiteral("%1 does not exist").arg(newParentPath);
    if (isUnder(newParentPath, path))
        return QStringLiteral("%1 cannot move under itself").arg(path);
    if (newParentPath.endsWith(QLatin1String("+}")))
        return QStringLiteral("a greedy path parameter cannot have child resources");
    const QString part = r->pathPart();
    const QString target = joinResourcePath(newParentPath, part);
    if (target == path)
        return {};
    if (QString problem = checkSiblings(api, newParentPath, part, path); !problem.isEmpty())
        return problem;
    rebase(api, path, target);
    if (newPath)
        *newPath = target;
    return {};
}

QString deleteResource(ApiDefinition &api, const QString &path)
{
    if (path == QLatin1String("/"))
        return QStringLiteral("the root resource cannot be deleted");
    if (!api.resource(path))
        return QStringLiteral("%1 does not exist").arg(path);
    api.resources.removeIf([&](const Resource &r) { return isUnder(r.path, path); });
    return {};
}

QString addMethod(ApiDefinition &api, const QString &path, const QString &verb)
{
    Resource *r = api.resource(path);
    if (!r)
        return QStringLiteral("%1 does not exist").arg(path);
    const QString v = verb.trimmed().toUpper();
    if (!isHttpMethod(v))
        return QStringLiteral("%1 is not an HTTP method API Gateway accepts").arg(verb);
    if (r->methods.contains(v))
        return QStringLiteral("%1 %2 already exists").arg(v, path);
    Method m;
    m.httpMethod = v;
    m.methodResponses.append(MethodResponse{QStringLiteral("200"), {}, {}});
    Integration integration;
    integration.type = IntegrationType::Mock;
    integration.requestTemplates.insert(QStringLiteral("application/json"), QStringLiteral("{\"statusCode\": 200}"));
    IntegrationResponse response;
    response.responseTemplates.insert(QStringLiteral("application/json"), QString());
    integration.integrationResponses.append(response);
    m.integration = integration;
    r->methods.insert(v, m);
    return {};
}

QString deleteMethod(ApiDefinition &api, const QString &path, const QString &verb)
{
    Resource *r = api.resource(path);
    if (!r || !r->methods.contains(verb))
        return QStringLiteral("%1 %2 does not exist").arg(verb, path);
    r->methods.remove(verb);
    return {};
}

QString duplicateMethod(ApiDefinition &api, const QString &path, const QString &fromVerb, const QString &toVerb)
{
    Resource *r = api.resource(path);
    if (!r || !r->methods.contains(fromVerb))
        return QStringLiteral("%1 %2 does not exist").arg(fromVerb, path);
    const QString v = toVerb.trimmed().toUpper();
    if (!isHttpMethod(v))
        return QStringLiteral("%1 is not an HTTP method API Gateway accepts").arg(toVerb);
    if (r->methods.contains(v))
        return QStringLiteral("%1 %2 already exists").arg(v, path);
    Method copy = r->methods.value(fromVerb);
    copy.httpMethod = v;
    r->methods.insert(v, copy);
    return {};
}

} // namespace gw::model
