#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace gw::model {

// A stage methodSettings key taken apart. Keys are written as API Gateway writes them: the
// resource path without its leading '/', inner '/' escaped as "~1" ("pets~1{id}/GET", "~1/GET" for
// the root), '*' as a wildcard for the whole resource or verb ("*/*", "pets/*") or inside a path
// ("pets~1*/GET"). An unescaped path ("/pets/{id}/GET") and HTTP APIs' route keys ("GET /pets")
// are accepted too.
struct MethodSettingKey
{
    QString resource; // "/pets/{id}", "*" or a glob such as "/pets/*"
    QString verb;     // upper case, or "*"
};

// nullopt when the key names no resource/verb pair; `why` then says what is wrong.
std::optional<MethodSettingKey> parseMethodSettingKey(const QString &key, QString *why = nullptr);

// The key API Gateway writes for one method: "pets~1{id}/GET", "~1/GET" for the root.
QString methodSettingKeyFor(const QString &resourcePath, const QString &verb);

// API Gateway's cache cluster sizes in GB, as the API writes them (reference §8).
QStringList cacheClusterSizes();

} // namespace gw::model
