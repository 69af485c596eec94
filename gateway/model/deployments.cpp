#include "deployments.h"

#include "gateway/core/ids.h"

namespace gw::model {

QString deploy(Api &api, const QString &stageName, const QString &description)
{
    Deployment d;
    do {
        d.id = gw::newDeploymentId();
    } while (api.deployment(d.id));
    d.description = description;
    d.createdDate = QDateTime::currentDateTimeUtc();
    d.api = api.design;
    api.deployments.append(d);
    Stage *stage = api.stage(stageName);
    if (!stage) {
        Stage s;
        s.name = stageName;
        api.stages.append(s);
        stage = &api.stages.last();
    }
    stage->deploymentId = d.id;
    return d.id;
}

Api newRestApi(const QString &name)
{
    Api api;
    api.id = gw::newApiId();
    api.name = name;
    Resource root;
    root.id = gw::newResourceId();
    root.path = QStringLiteral("/");
    api.design.resources.append(root);
    return api;
}

} // namespace gw::model
