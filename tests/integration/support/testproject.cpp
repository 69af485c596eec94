#include "testproject.h"

#include "gateway/core/ids.h"

#include <QSignalSpy>

namespace gwtest {

using namespace gw::model;

Method mockMethod(const QString &verb, int status, const QString &body)
{
    Method m;
    m.httpMethod = verb;
    Integration i;
    i.type = IntegrationType::Mock;
    i.requestTemplates.insert(QStringLiteral("application/json"), QStringLiteral("{\"statusCode\": %1}").arg(status));
    IntegrationResponse r;
    r.statusCode = QString::number(status);
    r.responseTemplates.insert(QStringLiteral("application/json"), body);
    i.integrationResponses.append(r);
    m.integration = i;
    MethodResponse mr;
    mr.statusCode = QString::number(status);
    m.methodResponses.append(mr);
    return m;
}

Method httpMethod(const QString &verb, IntegrationType type, const QString &uri, int timeoutMs)
{
    Method m;
    m.httpMethod = verb;
    Integration i;
    i.type = type;
    i.uri = uri;
    i.httpMethod = QStringLiteral("ANY");
    i.timeoutInMillis = timeoutMs;
    m.integration = i;
    return m;
}

Resource &addResource(Api &api, const QString &path)
{
    if (Resource *r = api.design.resource(path))
        return *r;
    if (path != QLatin1String("/")) {
        const auto slash = path.lastIndexOf(QLatin1Char('/'));
        addResource(api, slash <= 0 ? QStringLiteral("/") : path.left(slash));
    }
    Resource r;
    r.id = gw::newResourceId();
    r.path = path;
    api.design.resources.append(r);
    return api.design.resources.last();
}

} // namespace gwtest

namespace gwtest {

bool startOnFreePort(gw::runtime::Engine &engine, gw::runtime::EngineOptions options)
{
    QSignalSpy started(&engine, &gw::runtime::Engine::started);
    options.port = 0;
    engine.start(options);
    return started.wait(5000);
}

} // namespace gwtest
