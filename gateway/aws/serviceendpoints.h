#pragma once

#include "awsservicecatalog.h"

#include <QHash>
#include <QUrl>

namespace gw::aws {

// Where each service's requests go: a per-service URL (DynamoDB Local at
// http://127.0.0.1:8000), else one URL for all (LocalStack at http://127.0.0.1:4566), else
// AWS itself. A value type, set up from the project and copied into each builder.
class ServiceEndpoints
{
public:
    void setEndpoint(const QString &service, const QUrl &url) { m_perService.insert(service, url); }
    void setDefaultEndpoint(const QUrl &url) { m_default = url; }

    bool isLocal(const QString &service) const;
    // hostPrefix: operations AWS serves on their own host (Step Functions' StartSyncExecution
    // on sync-states...); ignored for local endpoints, which serve everything on one host.
    QUrl endpointFor(const AwsServiceInfo &service, const QString &region, const QString &subdomain,
                     const QString &partition, const QString &hostPrefix = {}) const;

private:
    QHash<QString, QUrl> m_perService;
    QUrl m_default;
};

} // namespace gw::aws
