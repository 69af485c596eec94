#pragma once

#include <QHash>
#include <QString>

namespace gw::aws {

// How to talk to one AWS service: its wire protocol and how it is signed and addressed.
struct AwsServiceInfo
{
    enum class Protocol {
        Json,      // POST /, X-Amz-Target: {targetPrefix}.{Action}, application/x-amz-json-{jsonVersion}
        Query,     // Action=...&Version=... as query string or form body
        RestJson,  // path-based (Lambda, API Gateway)
        RestXml,   // path-based (S3)
    };

    QString name;            // as in the integration ARN
    Protocol protocol = Protocol::RestJson;
    QString signingName;     // SigV4 service name
    QString endpointPrefix;  // https://{endpointPrefix}.{region}.amazonaws.com
    QString targetPrefix;    // Json; also a Query service's JSON variant (SQS)
    QString jsonVersion;     // "1.0" or "1.1"
    QString apiVersion;      // Query: the Version parameter
    bool s3Signing = false;  // no path normalisation, single encoding, x-amz-content-sha256
    bool global = false;     // one endpoint for all regions, signed for us-east-1 (IAM)
};

// The services Gatewright knows by name. Users may add or override entries (a service this
// table lacks, or a newer API version). A value type; copy it into each builder.
class AwsServiceCatalog
{
public:
    static AwsServiceCatalog standard();

    void insert(const AwsServiceInfo &info) { m_services.insert(info.name, info); }
    bool contains(const QString &name) const { return m_services.contains(name); }
    // Unknown services come back as a path-based (RestJson) service signed under their own name,
    // which is right for path/ URIs; action/ URIs need a known protocol.
    AwsServiceInfo find(const QString &name) const;

private:
    QHash<QString, AwsServiceInfo> m_services;
};

} // namespace gw::aws
