#include "check.h"

#include "checkapikeys.h"
#include "checkiam.h"
#include "trafficcheck.h"
#include "accesscontrolcheck.h"
#include "jwkcheck.h"

#include <QRegularExpression>
#include <QSet>
#include <QUrl>

namespace gw::model {

namespace {

void error(Diagnostics &out, const QString &path, const QString &message)
{
    out.append({Diagnostic::Severity::Error, path, message});
}

void warning(Diagnostics &out, const QString &path, const QString &message)
{
    out.append({Diagnostic::Severity::Warning, path, message});
}

bool isVariableSegment(const QString &s) { return s.startsWith(QLatin1Char('{')) && s.endsWith(QLatin1Char('}')); }
bool isGreedySegment(const QString &s) { return isVariableSegment(s) && s.endsWith(QLatin1String("+}")); }

void checkIntegration(const Integration &i, const Method &m, const QString &path, Diagnostics &out)
{
    if ((i.type == IntegrationType::Http || i.type == IntegrationType::HttpProxy)) {
        if (i.uri.trimmed().isEmpty()) {
            error(out, path + QStringLiteral(".uri"), QStringLiteral("integration URI is empty"));
        } else if (!i.uri.startsWith(QLatin1String("${stageVariables."))) {
            // A URI whose scheme and host come from a stage variable is checked when it is served.
            // Stage variables and {param} placeholders are filled at request time.
            QString probe = i.uri;
            probe.replace(QRegularExpression(QStringLiteral("\\$\\{stageVariables\\.[A-Za-z0-9_]+\\}")), QStringLiteral("x"));
            probe.replace(QRegularExpression(QStringLiteral("\\{[A-Za-z0-9_.+-]+\\}")), QStringLiteral("x"));
            const QUrl url(probe, QUrl::StrictMode);
            if (!url.isValid() || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")) || url.host().isEmpty())
                error(out, path + QStringLiteral(".uri"),
                      QStringLiteral("integration URI '%1' is not an http:// or https:// URL").arg(i.uri));
        }
    }
    if (i.type == IntegrationType::Aws || i.type == IntegrationType::AwsProxy) {
        // As for HTTP: an ARN that comes whole from a stage variable is checked when it is served.
        if (!i.uri.startsWith(QLatin1String("arn:aws:apigateway:")) && !i.uri.startsWith(QLatin1String("${stageVariables.")))
            error(out, path + QStringLiteral(".uri"),
                  QStringLiteral("AWS integration URI must be an arn:aws:apigateway:{region}:{service}:{action|path}/... ARN"));
    }
    if (i.timeoutInMillis < 50 || i.timeoutInMillis > 29000)
        error(out, path + QStringLiteral(".timeoutInMillis"),
              QStringLiteral("timeout must be between 50 and 29000 milliseconds (is %1)").arg(i.timeoutInMillis));
    QSet<QString> declared;
    for (const auto &r : m.methodResponses)
        declared.insert(r.statusCode);
    bool haveDefault = false;
    for (qsizetype k = 0; k < i.integrationResponses.size(); ++k) {
        const auto &r = i.integrationResponses[k];
        const QString rpath = path + QStringLiteral(".integrationResponses[%1]").arg(k);
        if (r.selectionPattern.isEmpty()) {
            if (haveDefault)
                warning(out, rpath, QStringLiteral("more than one default integration response (no selectionPattern); the first one wins"));
            haveDefault = true;
        } else if (!QRegularExpression(r.selectionPattern).isValid()) {
            error(out, rpath + QStringLiteral(".selectionPattern"),
                  QStringLiteral("'%1' is not a valid regular expression: %2")
                      .arg(r.selectionPattern, QRegularExpression(r.selectionPattern).errorString()));
        }
        bool okStatus = false;
        const int status = r.statusCode.toInt(&okStatus);
        if (!okStatus || status < 100 || status > 599)
            error(out, rpath + QStringLiteral(".statusCode"), QStringLiteral("status code '%1' is not a number from 100 to 599").arg(r.statusCode));
        else if (!declared.isEmpty() && !declared.contains(r.statusCode))
            warning(out, rpath + QStringLiteral(".statusCode"),
                    QStringLiteral("status %1 has no method response; add one to declare its headers and models").arg(r.statusCode));
    }
}

} // namespace

bool isHttpMethod(const QString &verb)
{
    static const QSet<QString> verbs = {QStringLiteral("GET"), QStringLiteral("POST"), QStringLiteral("PUT"),
                                        QStringLiteral("DELETE"), QStringLiteral("PATCH"), QStringLiteral("HEAD"),
                                        QStringLiteral("OPTIONS"), QStringLiteral("ANY")};
    return verbs.contains(verb);
}

QString checkResourcePath(const QString &path)
{
    if (path == QLatin1String("/"))
        return {};
    if (!path.startsWith(QLatin1Char('/')))
        return QStringLiteral("a resource path must start with '/'");
    if (path.endsWith(QLatin1Char('/')))
        return QStringLiteral("a resource path must not end with '/'");
    static const QRegularExpression staticPart(QStringLiteral("^[A-Za-z0-9._~:@!$&'()*,;=-]+$"));
    static const QRegularExpression variablePart(QStringLiteral("^\\{[A-Za-z0-9._-]+\\+?\\}$"));
    const QStringList segments = path.mid(1).split(QLatin1Char('/'));
    for (qsizetype k = 0; k < segments.size(); ++k) {
        const QString &s = segments[k];
        if (s.isEmpty())
            return QStringLiteral("a resource path must not contain empty segments ('//')");
        if (isVariableSegment(s)) {
            if (!variablePart.match(s).hasMatch())
                return QStringLiteral("'%1' is not a valid path parameter (use {name} or {name+})").arg(s);
            if (isGreedySegment(s) && k != segments.size() - 1)
                return QStringLiteral("Cannot create a child of a resource with a greedy path variable: %1").arg(s);
        } else if (!staticPart.match(s).hasMatch()) {
            return QStringLiteral("'%1' contains characters not allowed in a path segment").arg(s);
        }
    }
    return {};
}

QString checkStageVariableName(const QString &name)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9_]{1,64}$"));
    if (!re.match(name).hasMatch())
        return QStringLiteral("stage variable names are 1 to 64 letters, digits or underscores");
    return {};
}

QString checkStageVariableValue(const QString &value)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9\\-._~:/?#&=,]*$"));
    if (value.size() > 512)
        return QStringLiteral("stage variable values are at most 512 characters");
    if (!re.match(value).hasMatch())
        return QStringLiteral("stage variable values may only hold letters, digits and - . _ ~ : / ? # & = ,");
    return {};
}

namespace {

// checkResourcePath for a resource whose parent is in the tree: the parent checks its own path,
// so only the last segment and the parent's greediness are left. Checking every full path split
// and matched each segment again per resource: quadratic in a path's depth (a 10,000-segment
// path took minutes).
QString checkLastSegment(const QString &path)
{
    if (path.endsWith(QLatin1Char('/')))
        return QStringLiteral("a resource path must not end with '/'");
    const qsizetype slash = path.lastIndexOf(QLatin1Char('/'));
    const qsizetype parentSlash = slash > 0 ? path.lastIndexOf(QLatin1Char('/'), slash - 1) : -1;
    const QString parentPart = parentSlash < 0 ? QString() : path.mid(parentSlash + 1, slash - parentSlash - 1);
    if (isGreedySegment(parentPart))
        return QStringLiteral("Cannot create a child of a resource with a greedy path variable: %1").arg(parentPart);
    return checkResourcePath(path.mid(slash));
}

} // namespace

Diagnostics checkDefinition(const ApiDefinition &def, const QString &path)
{
    Diagnostics out;
    QSet<QString> allPaths;
    for (const Resource &r : def.resources)
        allPaths.insert(r.path);
    QSet<QString> paths;
    QSet<QString> ids;
    QHash<QString, QString> variableChildOf; // parent path → variable child segment
    bool haveRoot = false;
    for (qsizetype k = 0; k < def.resources.size(); ++k) {
        const Resource &r = def.resources[k];
        const QString rpath = path + QStringLiteral(".resources[%1]").arg(k);
        if (r.path == QLatin1String("/"))
            haveRoot = true;
        const QString parent = r.parentPath();
        const bool parentChecks = !parent.isEmpty() && r.path.startsWith(QLatin1Char('/')) && allPaths.contains(parent);
        if (const QString problem = parentChecks ? checkLastSegment(r.path) : checkResourcePath(r.path); !problem.isEmpty())
            error(out, rpath + QStringLiteral(".path"), problem);
        if (paths.contains(r.path))
            error(out, rpath + QStringLiteral(".path"), QStringLiteral("another resource already has the path %1").arg(r.path));
        paths.insert(r.path);
        if (r.id.isEmpty())
            error(out, rpath + QStringLiteral(".id"), QStringLiteral("resource id is empty"));
        else if (ids.contains(r.id))
            error(out, rpath + QStringLiteral(".id"), QStringLiteral("resource id %1 is used twice").arg(r.id));
        ids.insert(r.id);
        const QString part = r.pathPart();
        if (isVariableSegment(part)) {
            const QString parent = r.parentPath();
            const QString other = variableChildOf.value(parent);
            if (!other.isEmpty() && other != part)
                error(out, rpath + QStringLiteral(".path"),
                      QStringLiteral("A sibling (%1) of this resource already has a variable path part -- only one is allowed").arg(other));
            variableChildOf.insert(parent, part);
        }
        for (auto it = r.methods.begin(); it != r.methods.end(); ++it) {
            const QString mpath = rpath + QStringLiteral(".methods.") + it.key();
            if (!isHttpMethod(it.key()))
                error(out, mpath, QStringLiteral("'%1' is not an HTTP method (GET, POST, PUT, DELETE, PATCH, HEAD, OPTIONS or ANY)").arg(it.key()));
            const Method &m = it.value();
            if (!m.integration)
                error(out, mpath + QStringLiteral(".integration"), QStringLiteral("method has no integration"));
            else
                checkIntegration(*m.integration, m, mpath + QStringLiteral(".integration"), out);
            for (auto p = m.requestParameters.begin(); p != m.requestParameters.end(); ++p) {
                static const QRegularExpression re(QStringLiteral("^method\\.request\\.(path|querystring|header|multivaluequerystring|multivalueheader)\\.[^.]+$"));
                if (!re.match(p.key()).hasMatch())
                    error(out, mpath + QStringLiteral(".requestParameters.") + p.key(),
                          QStringLiteral("request parameters are named method.request.{path|querystring|header}.NAME"));
            }
        }
    }
    if (!haveRoot)
        error(out, path + QStringLiteral(".resources"), QStringLiteral("the root resource '/' is missing"));
    // Inline key sets of JWT / Cognito authorizers: each refused key at its JSON path.
    for (qsizetype i = 0; i < def.authorizers.size(); ++i)
        if (!def.authorizers[i].jwks.isEmpty())
            out += checkJwks(def.authorizers[i].jwks, path + QStringLiteral(".authorizers[%1].jwks").arg(i));
    checkRequestValidation(def, path, out);
    out += checkAccessControl(def, path);
    // Every resource needs its parent, so the tree has no holes.
    for (qsizetype k = 0; k < def.resources.size(); ++k) {
        const QString parent = def.resources[k].parentPath();
        if (!parent.isEmpty() && !paths.contains(parent))
            error(out, path + QStringLiteral(".resources[%1].path").arg(k),
                  QStringLiteral("parent resource %1 does not exist").arg(parent));
    }
    return out;
}

Diagnostics check(const Project &project)
{
    Diagnostics out;
    if (project.server.port < 0 || project.server.port > 65535)
        error(out, QStringLiteral("server.port"), QStringLiteral("port must be between 0 and 65535"));
    if (project.server.traceBodyLimit < 0 || project.server.traceBodyLimit > 10 * 1024 * 1024)
        error(out, QStringLiteral("server.traceBodyLimit"), QStringLiteral("trace body limit must be between 0 and 10485760 bytes"));
    QSet<QString> functionNames;
    for (qsizetype f = 0; f < project.functions.size(); ++f) {
        const Function &fn = project.functions[f];
        const QString fpath = QStringLiteral("functions[%1]").arg(f);
        static const QRegularExpression nameRe(QStringLiteral("^[A-Za-z0-9_-]{1,64}$"));
        if (!nameRe.match(fn.name).hasMatch())
            error(out, fpath + QStringLiteral(".name"), QStringLiteral("function names are 1 to 64 letters, digits, '-' or '_'"));
        else if (functionNames.contains(fn.name))
            error(out, fpath + QStringLiteral(".name"), QStringLiteral("function %1 is defined twice").arg(fn.name));
        functionNames.insert(fn.name);
        if (fn.runtime == QLatin1String("javascript")) {
            if (fn.code.trimmed().isEmpty())
                error(out, fpath + QStringLiteral(".code"), QStringLiteral("the function has no code; set exports.handler"));
        } else if (fn.runtime == QLatin1String("endpoint")) {
            const QUrl url(fn.endpointUrl);
            if (!url.isValid() || url.host().isEmpty() || !url.scheme().startsWith(QLatin1String("http")))
                error(out, fpath + QStringLiteral(".endpointUrl"), QStringLiteral("an endpoint function needs an http:// or https:// URL"));
        } else {
            error(out, fpath + QStringLiteral(".runtime"), QStringLiteral("unknown runtime '%1' (expected javascript or endpoint)").arg(fn.runtime));
        }
        if (fn.timeoutSeconds < 1 || fn.timeoutSeconds > 900)
            error(out, fpath + QStringLiteral(".timeoutSeconds"), QStringLiteral("timeout must be between 1 and 900 seconds"));
        if (fn.memoryMb < 128 || fn.memoryMb > 10240)
            error(out, fpath + QStringLiteral(".memoryMb"), QStringLiteral("memory must be between 128 and 10240 MB"));
    }
    checkApiKeysAndPlans(project, out);
    checkIamIdentities(project, out);
    QSet<QString> apiIds;
    for (qsizetype a = 0; a < project.apis.size(); ++a) {
        const Api &api = project.apis[a];
        const QString apath = QStringLiteral("apis[%1]").arg(a);
        static const QRegularExpression idRe(QStringLiteral("^[a-z0-9]{1,32}$"));
        if (!idRe.match(api.id).hasMatch())
            error(out, apath + QStringLiteral(".id"), QStringLiteral("API id '%1' must be 1 to 32 lower-case letters or digits").arg(api.id));
        if (apiIds.contains(api.id))
            error(out, apath + QStringLiteral(".id"), QStringLiteral("API id %1 is used twice").arg(api.id));
        apiIds.insert(api.id);
        if (api.name.trimmed().isEmpty())
            error(out, apath + QStringLiteral(".name"), QStringLiteral("API name is empty"));
        out += checkDefinition(api.design, apath + QStringLiteral(".design"));
        // A Lambda authorizer's function should be one of the project's; until it is, every call
        // it guards is a 500 (a warning: the function may be added later, as with Lambda ARNs).
        for (qsizetype i = 0; i < api.design.authorizers.size(); ++i) {
            const QString fn = api.design.authorizers[i].functionName;
            if (!fn.isEmpty() && !functionNames.contains(fn))
                warning(out, apath + QStringLiteral(".design.authorizers[%1].functionName").arg(i),
                        QStringLiteral("function %1 does not exist in the project: calls fail with 500").arg(fn));
        }
        QSet<QString> stageNames;
        for (qsizetype s = 0; s < api.stages.size(); ++s) {
            const Stage &stage = api.stages[s];
            const QString spath = apath + QStringLiteral(".stages[%1]").arg(s);
            static const QRegularExpression stageRe(QStringLiteral("^[A-Za-z0-9_-]{1,128}$"));
            if (!stageRe.match(stage.name).hasMatch())
                error(out, spath + QStringLiteral(".name"), QStringLiteral("stage names are 1 to 128 letters, digits, '-' or '_'"));
            if (stageNames.contains(stage.name))
                error(out, spath + QStringLiteral(".name"), QStringLiteral("stage %1 is defined twice").arg(stage.name));
            stageNames.insert(stage.name);
            if (stage.deploymentId.isEmpty())
                warning(out, spath + QStringLiteral(".deploymentId"), QStringLiteral("stage has no deployment yet; deploy the API to serve it"));
            else if (!api.deployment(stage.deploymentId))
                error(out, spath + QStringLiteral(".deploymentId"), QStringLiteral("deployment %1 does not exist").arg(stage.deploymentId));
            for (auto v = stage.variables.begin(); v != stage.variables.end(); ++v) {
                if (const QString p = checkStageVariableName(v.key()); !p.isEmpty())
                    error(out, spath + QStringLiteral(".variables.") + v.key(), p);
                if (const QString p = checkStageVariableValue(v.value()); !p.isEmpty())
                    error(out, spath + QStringLiteral(".variables.") + v.key(), p);
            }
            if (stage.canary) {
                if (!stage.canary->deploymentId.isEmpty() && !api.deployment(stage.canary->deploymentId))
                    error(out, spath + QStringLiteral(".canarySettings.deploymentId"),
                          QStringLiteral("deployment %1 does not exist").arg(stage.canary->deploymentId));
                if (stage.canary->percentTraffic < 0.0 || stage.canary->percentTraffic > 100.0)
                    error(out, spath + QStringLiteral(".canarySettings.percentTraffic"), QStringLiteral("percentTraffic must be between 0 and 100"));
            }
        }
        for (qsizetype d = 0; d < api.deployments.size(); ++d)
            out += checkDefinition(api.deployments[d].api, apath + QStringLiteral(".deployments[%1].api").arg(d));
    }
    out += checkTraffic(project);
    return out;
}

} // namespace gw::model
