#pragma once

#include "gateway/model/project.h"

#include <QHostAddress>
#include <QStringList>

namespace gw::runtime {

QString baseUrl(const QHostAddress &host, quint16 port);
// The URLs a stage is served at: http://{apiId}.execute-api.localhost:PORT/{stage}/ (like AWS)
// and http://127.0.0.1:PORT/restapis/{apiId}/{stage}/_user_request_/ (LocalStack's form).
QString stageUrl(const QString &apiId, const QString &stage, quint16 port);
QString localStackStageUrl(const QString &apiId, const QString &stage, quint16 port);
// One line per served stage: "API (id) stage S: URL  or  URL"
QStringList invokeUrls(const model::Project &project, quint16 port);

} // namespace gw::runtime
