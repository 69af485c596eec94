#include "serviceendpoints.h"

namespace gw::aws {

bool ServiceEndpoints::isLocal(const QString &service) const
{
    return m_perService.contains(service) || m_default.isValid();
}

QUrl ServiceEndpoints::endpointFor(const AwsServiceInfo &service, const QString &region,
                                   const QString &subdomain, const QString &partition,
                                   const QString &hostPrefix) const
{
    const auto it = m_perService.constFind(service.name);
    if (it != m_perService.cend())
        return *it;
    if (m_default.isValid())
        return m_default;
    const QString suffix = partition == QLatin1String("aws-cn") ? QStringLiteral("amazonaws.com.cn")
                                                                 : QStringLiteral("amazonaws.com");
    QString host = hostPrefix + service.endpointPrefix;
    if (!subdomain.isEmpty())
        host = subdomain + QLatin1Char('.') + host;
    if (!service.global)
        host += QLatin1Char('.') + region;
    host += QLatin1Char('.') + suffix;
    QUrl url;
    url.setScheme(QStringLiteral("https"));
    url.setHost(host);
    return url;
}

} // namespace gw::aws
