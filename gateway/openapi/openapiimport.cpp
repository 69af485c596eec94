#include "openapiimport.h"

#include "extensionreader.h"
#include "importcontext.h"
#include "operationreader.h"
#include "schemaconverter.h"
#include "securityreader.h"
#include "stableid.h"
#include "yamljson.h"

#include "gateway/core/ids.h"
#include "gateway/model/check.h"
#include "gateway/validate/modelschemas.h"

#include <QFile>
#include <QJsonArray>
#include <QRegularExpression>

#include <algorithm>
#include <vector>

namespace gw::openapi {

namespace {

const QLatin1String kAnyMethod("x-amazon-apigateway-any-method");

// The resources readPaths adds (the root first), each one's children by segment and its parent
// (places in c.def.resources; -1 for the root).
struct ResourceTree
{
    std::vector<QHash<QString, qsizetype>> children;
    std::vector<qsizetype> parent;
};

// Index of the resource at `path` (a valid resource path), added with every missing ancestor
// (the tree has no holes: /a/b needs /a). It walks down from the root one segment at a time and
// derives each id from the parent's id and the segment, so a path of depth d costs d steps of
// one segment each, besides storing the paths. Recursing per ancestor, searching the resource
// list and hashing every full prefix made a 10,000-segment path take seconds.
qsizetype addResource(ImportContext &c, ResourceTree &tree, const QString &path)
{
    if (tree.parent.empty()) {
        model::Resource root;
        root.path = QStringLiteral("/");
        root.id = stableId(QStringLiteral("resource:") + c.api.id + QStringLiteral(":/"), 10);
        c.def.resources.append(root);
        tree.children.emplace_back();
        tree.parent.push_back(-1);
    }
    qsizetype node = 0;
    const QList<QStringView> segments = QStringView(path).split(QLatin1Char('/'), Qt::SkipEmptyParts);
    for (const QStringView segment : segments) {
        const QString key = segment.toString();
        if (const auto found = tree.children[std::size_t(node)].constFind(key); found != tree.children[std::size_t(node)].constEnd()) {
            node = *found;
            continue;
        }
        const model::Resource &parent = c.def.resources[node];
        model::Resource r;
        r.path = (node == 0 ? QString() : parent.path) + QLatin1Char('/') + key;
        r.id = stableId(QStringLiteral("resource:") + c.api.id + QLatin1Char(':') + parent.id + QLatin1Char('/') + key, 10);
        const qsizetype self = c.def.resources.size();
        tree.children[std::size_t(node)].insert(key, self);
        tree.children.emplace_back();
        tree.parent.push_back(node);
        c.def.resources.append(std::move(r));
        node = self;
    }
    return node;
}

// Puts the resources in the order of their paths (QString's operator<) without comparing whole
// paths: the prefixes of one deep path share nearly all their characters, and std::sort compared
// them over and over (a 10,000-segment path: seconds). All paths below a node share its path as
// prefix, so they are contiguous in that order; among a node's children, a child alone sorts by
// its segment and its descendants as a block by segment + '/' ("/a" < "/a-b" < "/a-b/x" <
// "/a/x"). Each segment is compared with its siblings only. An explicit stack: depth costs no
// C++ stack.
void sortByPath(QList<model::Resource> &resources, const std::vector<qsizetype> &parent)
{
    struct Block
    {
        QString key;
        qsizetype resource;
        bool descendants;
    };
    std::vector<std::vector<qsizetype>> children(std::size_t(resources.size()));
    qsizetype root = -1;
    for (std::size_t i = 0; i < parent.size(); ++i) {
        if (parent[i] < 0)
            root = qsizetype(i);
        else
            children[std::size_t(parent[i])].push_back(qsizetype(i));
    }
    const auto blocksOf = [&](qsizetype node) {
        std::vector<Block> blocks;
        for (qsizetype child : children[std::size_t(node)]) {
            const QString segment = resources[child].pathPart();
            blocks.push_back({segment, child, false});
            if (!children[std::size_t(child)].empty())
                blocks.push_back({segment + QLatin1Char('/'), child, true});
        }
        std::sort(blocks.begin(), blocks.end(), [](const Block &a, const Block &b) { return a.key < b.key; });
        return blocks;
    };
    std::vector<qsizetype> order{root};
    std::vector<std::pair<std::vector<Block>, std::size_t>> stack;
    stack.emplace_back(blocksOf(root), 0);
    while (!stack.empty()) {
        auto &[blocks, next] = stack.back();
        if (next == blocks.size()) {
            stack.pop_back();
            continue;
        }
        const Block &b = blocks[next++];
        if (!b.descendants)
            order.push_back(b.resource);
        else
            stack.emplace_back(blocksOf(b.resource), 0); // b is not used after this
    }
    QList<model::Resource> sorted;
    sorted.reserve(resources.size());
    for (qsizetype r : order)
        sorted.append(std::move(resources[r]));
    resources = std::move(sorted);
}

std::optional<QString> verbFor(const QString &key)
{
    static const QStringList verbs = {QStringLiteral("get"), QStringLiteral("put"), QStringLiteral("post"),
                                      QStringLiteral("delete"), QStringLiteral("options"), QStringLiteral("head"),
                                      QStringLiteral("patch")};
    if (verbs.contains(key))
        return key.toUpper();
    if (key == kAnyMethod)
        return QStringLiteral("ANY");
    return std::nullopt;
}

// `operations` gets each method's place in the document, by "resource-path VERB".
void readPaths(ImportContext &c, const QJsonObject &paths, QHash<QString, QString> &operations)
{
    OperationReader reader(c);
    ResourceTree tree;
    addResource(c, tree, QStringLiteral("/"));
    for (auto it = paths.begin(); it != paths.end(); ++it) {
        const QString ppath = childPath(QStringLiteral("paths"), it.key());
        Location at{c.docs.rootFile(), DocumentSet::pointerFor(QStringLiteral("/paths"), it.key())};
        const auto item = c.object(it.value(), at, ppath);
        if (!item)
            continue;
        const QJsonObject any = item->value(kAnyMethod).toObject();
        const QList<Parameter> inherited = reader.parameters(item->value(QLatin1String("parameters")), at,
                                                             childPath(ppath, QStringLiteral("parameters")));
        if (any.value(QLatin1String("isDefaultRoute")).toBool() || it.key() == QLatin1String("/$default")) {
            if (!c.http)
                c.warn(ppath, QStringLiteral("the $default route exists in HTTP APIs only; imported as the default route anyway"));
            operations.insert(QStringLiteral("$default ANY"), childPath(ppath, kAnyMethod));
            c.def.defaultRoute = reader.read(QStringLiteral("ANY"), QStringLiteral("$default"), any, at, inherited,
                                             childPath(ppath, kAnyMethod));
            c.checkKeys(*item, ppath, {"x-amazon-apigateway-any-method", "parameters"});
            continue;
        }
        QString path = it.key();
        if (path.size() > 1 && path.endsWith(QLatin1Char('/'))) {
            path.chop(1);
            c.warn(ppath, QStringLiteral("trailing '/' removed: API Gateway ignores it when matching"));
        }
        if (const QString problem = model::checkResourcePath(path); !problem.isEmpty()) {
            c.error(ppath, problem);
            continue;
        }
        const qsizetype resource = addResource(c, tree, path);
        for (auto op = item->begin(); op != item->end(); ++op) {
            const auto verb = verbFor(op.key());
            if (!verb) {
                if (op.key() == QLatin1String("trace"))
                    c.warn(childPath(ppath, op.key()), QStringLiteral("API Gateway has no TRACE method; ignored"));
                continue;
            }
            const QString opath = childPath(ppath, op.key());
            Location oat = at;
            const auto operation = c.object(op.value(), oat, opath);
            if (!operation)
                continue;
            operations.insert(path + QLatin1Char(' ') + *verb, opath);
            c.def.resources[resource].methods.insert(*verb, reader.read(*verb, path, *operation, oat, inherited, opath));
        }
        c.checkKeys(*item, ppath, {"get", "put", "post", "delete", "options", "head", "patch", "trace", "parameters",
                                   "x-amazon-apigateway-any-method"});
    }
    sortByPath(c.def.resources, tree.parent);
}

// Where `check` would refuse the project an import makes. A REST method whose integration it
// refuses (a URI that is a template placeholder, an AWS URI that is no ARN, ...) gets the MOCK
// integration instead, with a warning; where there is no MOCK (HTTP APIs, or the option off) the
// method is left out, with a warning; anything else refuses the import at the operation or
// schema the problem came from, with the model's own path in parentheses. The importer's own
// checks say more; this makes sure nothing they miss reaches a project file.
void refuseWhatCheckRefuses(ImportContext &c, const QHash<QString, QString> &operations)
{
    static const QRegularExpression method(QStringLiteral("^apis\\[0\\]\\.design\\.resources\\[(\\d+)\\]\\.methods\\.([A-Z]+)\\.?(.*)$"));
    static const QRegularExpression defaultRoute(QStringLiteral("^apis\\[0\\]\\.design\\.defaultRoute\\.?(.*)$"));
    static const QRegularExpression model(QStringLiteral("^apis\\[0\\]\\.design\\.models\\[(\\d+)\\]\\.?(.*)$"));
    const QString design = QStringLiteral("apis[0].design");
    const auto check = [&c, &design] {
        model::Project project;
        project.apis.append(c.api);
        model::Diagnostics found = model::check(project);
        validate::ModelSchemas::compile(c.def, &found, design);
        return found;
    };
    model::Diagnostics found = check();
    bool repaired = false;
    for (const auto &d : found) {
        const auto m = method.match(d.path);
        if (d.severity != model::Diagnostic::Severity::Error || !m.hasMatch() || !m.captured(3).startsWith(QLatin1String("integration"))
            || m.captured(1).toLongLong() >= c.def.resources.size())
            continue;
        model::Resource &resource = c.def.resources[m.captured(1).toLongLong()];
        const auto target = resource.methods.find(m.captured(2));
        if (target == resource.methods.end() || (target->integration && target->integration->type == model::IntegrationType::Mock))
            continue;
        const QString where = operations.value(resource.path + QLatin1Char(' ') + m.captured(2));
        if (c.http || !c.options.mockMissingIntegrations) { // no MOCK to stand in: the route cannot be served
            c.warn(where, QStringLiteral("%1 (%2): the route is left out").arg(d.message, m.captured(3)));
            resource.methods.erase(target);
        } else {
            target->integration = mockAnswering200();
            c.warn(where, QStringLiteral("%1 (%2): a MOCK integration answering 200 takes its place").arg(d.message, m.captured(3)));
        }
        repaired = true;
    }
    if (repaired)
        found = check();
    for (const auto &d : found) {
        if (d.severity != model::Diagnostic::Severity::Error)
            continue;
        QString where;
        QString detail = d.path;
        if (const auto m = method.match(d.path); m.hasMatch() && m.captured(1).toLongLong() < c.def.resources.size()) {
            where = operations.value(c.def.resources[m.captured(1).toLongLong()].path + QLatin1Char(' ') + m.captured(2));
            detail = m.captured(3);
        } else if (const auto r = defaultRoute.match(d.path); r.hasMatch()) {
            where = operations.value(QStringLiteral("$default ANY"));
            detail = r.captured(1);
        } else if (const auto s = model.match(d.path); s.hasMatch() && s.captured(1).toLongLong() < c.def.models.size()) {
            where = c.schemas().documentPath(c.def.models[s.captured(1).toLongLong()].name);
            detail = s.captured(2);
        }
        if (where.isEmpty())
            c.error(d.path.startsWith(design) ? d.path.mid(design.size() + 1) : d.path, d.message);
        else
            c.error(where, detail.isEmpty() ? d.message : d.message + QStringLiteral(" (") + detail + QLatin1Char(')'));
    }
}

void readEndpointConfiguration(ImportContext &c, const QJsonObject &root, QJsonObject &kept)
{
    // OpenAPI 3.0 puts it on a server object; Swagger 2.0 at the root (read by extensions::readRoot).
    const QJsonArray servers = root.value(QLatin1String("servers")).toArray();
    for (qsizetype k = 0; k < servers.size(); ++k) {
        const QJsonObject server = servers[k].toObject();
        const QLatin1String key("x-amazon-apigateway-endpoint-configuration");
        if (server.contains(key) && !kept.contains(key)) {
            kept.insert(key, server.value(key));
            c.warn(childPath(childPath(QStringLiteral("servers"), k), key),
                   QStringLiteral("kept for export only; the emulator does not act on %1").arg(key));
        }
    }
}

} // namespace

ImportResult importOpenApiFile(const QString &fileName, const ImportOptions &options)
{
    QFile f(fileName);
    if (!f.open(QIODevice::ReadOnly)) {
        ImportResult r;
        r.diagnostics.append({model::Diagnostic::Severity::Error, {}, QStringLiteral("cannot read: ") + f.errorString()});
        return r;
    }
    return importOpenApi(f.readAll(), fileName, options);
}

ImportResult importOpenApi(const QByteArray &bytes, const QString &fileName, const ImportOptions &options)
{
    ImportResult r;
    auto fail = [&r](const QString &path, const QString &message) {
        r.diagnostics.append({model::Diagnostic::Severity::Error, path, message});
        return r;
    };
    SyntaxError syntax;
    const auto parsed = parseJsonOrYaml(bytes, &syntax);
    if (!parsed)
        return fail(QStringLiteral("%1:%2").arg(syntax.line).arg(syntax.column), syntax.message);
    const QJsonObject root = parsed->toObject();
    bool v3 = true;
    if (root.contains(QLatin1String("openapi"))) {
        const QString version = scalarString(root.value(QLatin1String("openapi")));
        if (!version.startsWith(QLatin1String("3.0")))
            return fail(QStringLiteral("openapi"), QStringLiteral("OpenAPI %1 is not supported (API Gateway imports OpenAPI 3.0 and Swagger 2.0)").arg(version));
    } else if (root.contains(QLatin1String("swagger"))) {
        v3 = false;
        if (scalarString(root.value(QLatin1String("swagger"))) != QLatin1String("2.0"))
            return fail(QStringLiteral("swagger"), QStringLiteral("only Swagger 2.0 is supported"));
    } else {
        return fail({}, QStringLiteral("not an OpenAPI 3.0 or Swagger 2.0 document (no 'openapi' or 'swagger' field at the top)"));
    }
    if (options.type == model::ApiType::WebSocket)
        return fail({}, QStringLiteral("WebSocket APIs cannot be imported from OpenAPI"));

    model::Api &api = r.api;
    api.id = options.apiId.isEmpty() ? gw::newApiId() : options.apiId;
    DocumentSet docs(fileName, root);
    ImportContext c(docs, options, api);
    SchemaConverter schemas(c);
    c.setSchemas(&schemas);
    c.v3 = v3;
    // The kind of API is the user's choice, as AWS imports into the kind of API one imports
    // into; what an HTTP API document looks like only feeds the hint.
    r.httpApiSign = extensions::httpApiSign(root);
    c.http = options.type == model::ApiType::Http;
    api.type = c.http ? model::ApiType::Http : model::ApiType::Rest;

    const QJsonObject info = root.value(QLatin1String("info")).toObject();
    api.name = info.value(QLatin1String("title")).toString().trimmed();
    if (api.name.isEmpty()) {
        api.name = QStringLiteral("Imported API");
        c.warn(QStringLiteral("info.title"), QStringLiteral("no title; the API is called '%1'").arg(api.name));
    }
    api.description = info.value(QLatin1String("description")).toString();
    api.version = scalarString(info.value(QLatin1String("version")));
    c.checkKeys(info, QStringLiteral("info"), {"title", "description", "version"});

    const QJsonObject components = root.value(QLatin1String("components")).toObject();
    if (v3)
        schemas.importNamedSchemas(components.value(QLatin1String("schemas")).toObject(), QStringLiteral("/components/schemas"),
                                   QStringLiteral("components.schemas"));
    else
        schemas.importNamedSchemas(root.value(QLatin1String("definitions")).toObject(), QStringLiteral("/definitions"),
                                   QStringLiteral("definitions"));
    c.rootConsumes = stringList(root.value(QLatin1String("consumes")));
    c.rootProduces = stringList(root.value(QLatin1String("produces")));
    const Location rootAt{docs.rootFile(), {}};
    if (v3)
        security::readSchemes(c, components.value(QLatin1String("securitySchemes")).toObject(), rootAt,
                              QStringLiteral("components.securitySchemes"));
    else
        security::readSchemes(c, root.value(QLatin1String("securityDefinitions")).toObject(), rootAt,
                              QStringLiteral("securityDefinitions"));
    c.rootSecurity = root.value(QLatin1String("security")).toArray();
    extensions::readRoot(c, root, r.keptExtensions);
    readEndpointConfiguration(c, root, r.keptExtensions);
    QHash<QString, QString> operations;
    readPaths(c, root.value(QLatin1String("paths")).toObject(), operations);

    // host, basePath, schemes and servers describe where AWS served the API; like AWS's
    // import (basepath=ignore) they do not change the API.
    c.checkKeys(root, {}, {"openapi", "swagger", "info", "paths", "components", "definitions", "consumes", "produces",
                           "securityDefinitions", "security", "parameters", "responses", "servers", "host",
                           "basePath", "schemes", "tags",
                           "x-amazon-apigateway-api-key-source", "x-amazon-apigateway-binary-media-types",
                           "x-amazon-apigateway-cors", "x-amazon-apigateway-gateway-responses",
                           "x-amazon-apigateway-request-validators", "x-amazon-apigateway-request-validator",
                           "x-amazon-apigateway-policy", "x-amazon-apigateway-importexport-version",
                           "x-amazon-apigateway-documentation", "x-amazon-apigateway-minimum-compression-size",
                           "x-amazon-apigateway-endpoint-configuration", "x-amazon-apigateway-security-policy",
                           "x-amazon-apigateway-endpoint-access-mode"});
    std::sort(api.design.models.begin(), api.design.models.end(),
              [](const model::ApiModel &a, const model::ApiModel &b) { return a.name < b.name; });
    if (!model::hasErrors(c.diagnostics))
        refuseWhatCheckRefuses(c, operations);
    c.finish();
    r.diagnostics = c.diagnostics;
    r.ok = !model::hasErrors(r.diagnostics);
    return r;
}

QString typeHint(const QString &httpApiSign)
{
    if (httpApiSign.isEmpty())
        return {};
    return QStringLiteral("looks like an HTTP API (%1); it is imported as a REST API unless the HTTP API type is chosen")
        .arg(httpApiSign);
}

QString httpApiSignOfFile(const QString &fileName)
{
    QFile f(fileName);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    SyntaxError ignored;
    const auto parsed = parseJsonOrYaml(f.readAll(), &ignored);
    return parsed ? extensions::httpApiSign(parsed->toObject()) : QString();
}

QString addToProject(model::Project &project, const ImportResult &result)
{
    model::Api api = result.api;
    while (project.api(api.id))
        api.id = gw::newApiId();
    project.apis.append(api);
    if (!result.keptExtensions.isEmpty()) {
        QJsonObject openapi = project.extensions.value(QLatin1String("openapi")).toObject();
        openapi.insert(api.id, result.keptExtensions);
        project.extensions.insert(QStringLiteral("openapi"), openapi);
    }
    return api.id;
}

QJsonObject keptExtensions(const model::Project &project, const QString &apiId)
{
    return project.extensions.value(QLatin1String("openapi")).toObject().value(apiId).toObject();
}

} // namespace gw::openapi
