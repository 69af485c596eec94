#include "invokeurls.h"

namespace gw::runtime {

QString baseUrl(const QHostAddress &host, quint16 port)
{
    const QString h = host.protocol() == QAbstractSocket::IPv6Protocol ? QLatin1Char('[') + host.toString() + QLatin1Char(']')
                                                                        : host.toString();
    return QStringLiteral("http://%1:%2").arg(h).arg(port);
}

QString stageUrl(const QString &apiId, const QString &stage, quint16 port)
{
    return QStringLiteral("http://%1.execute-api.localhost:%2/%3/").arg(apiId).arg(port).arg(stage);
}

QString localStackStageUrl(const QString &apiId, const QString &stage, quint16 port)
{
    return QStringLiteral("http://127.0.0.1:%1/restapis/%2/%3/_user_request_/").arg(port).arg(apiId, stage);
}

QStringList invokeUrls(const model::Project &project, quint16 port)
{
    QStringList out;
    for (const auto &api : project.apis) {
        for (const auto &stage : api.stages) {
            if (stage.deploymentId.isEmpty())
                continue;
            out.append(QStringLiteral("%1 (%2) stage %3: %4  or  %5")
                           .arg(api.name, api.id, stage.name, stageUrl(api.id, stage.name, port),
                                localStackStageUrl(api.id, stage.name, port)));
        }
    }
    return out;
}

} // namespace gw::runtime
