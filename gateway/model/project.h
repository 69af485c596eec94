#pragma once

#include "api.h"

#include <QJsonObject>

namespace gw::model {

struct ServerSettings
{
    QString host = QStringLiteral("127.0.0.1"); // loopback unless the user asks otherwise
    int port = 4510;
    friend bool operator==(const ServerSettings &, const ServerSettings &) = default;
};

struct Project
{
    static constexpr int kSchemaVersion = 1;

    QString name;
    ServerSettings server;
    QList<Api> apis;
    // Sections owned by capabilities that keep their own shape (usage plans, API keys, functions);
    // kept verbatim so that a round trip never loses them.
    QJsonObject extensions;

    const Api *api(const QString &id) const;
    Api *api(const QString &id);
    friend bool operator==(const Project &, const Project &) = default;
};

} // namespace gw::model
