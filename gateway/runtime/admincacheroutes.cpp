#include "admincacheroutes.h"

#include "engine.h"

#include <QHttpServer>
#include <QHttpServerResponse>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace gw::runtime {

static QHttpServerResponse json(const QJsonObject &o, QHttpServerResponder::StatusCode status = QHttpServerResponder::StatusCode::Ok)
{
    return QHttpServerResponse("application/json", QJsonDocument(o).toJson(QJsonDocument::Compact), status);
}

void addCacheRoutes(QHttpServer &server, Engine *engine)
{
    server.route(QStringLiteral("/cache"), QHttpServerRequest::Method::Get, [engine]() {
        QJsonArray caches;
        auto names = engine->traffic()->caches.names();
        std::sort(names.begin(), names.end());
        for (const QString &name : std::as_const(names)) {
            const auto cache = engine->traffic()->caches.find(name);
            if (!cache)
                continue;
            const auto s = cache->stats();
            caches.append(QJsonObject{{QStringLiteral("stage"), name},
                                      {QStringLiteral("capacityBytes"), double(s.capacityBytes)},
                                      {QStringLiteral("usedBytes"), double(s.usedBytes)},
                                      {QStringLiteral("entries"), double(s.entries)},
                                      {QStringLiteral("hits"), double(s.hits)},
                                      {QStringLiteral("misses"), double(s.misses)},
                                      {QStringLiteral("evictions"), double(s.evictions)}});
        }
        return json({{QStringLiteral("caches"), caches}});
    });
    server.route(QStringLiteral("/cache"), QHttpServerRequest::Method::Delete, [engine]() {
        engine->traffic()->caches.flushAll();
        return json({{QStringLiteral("flushed"), QStringLiteral("all")}}, QHttpServerResponder::StatusCode::Accepted);
    });
    server.route(QStringLiteral("/restapis/<arg>/stages/<arg>/cache/data"), QHttpServerRequest::Method::Delete,
                 [engine](const QString &apiId, const QString &stage) {
                     const QString name = traffic::stageCacheName(apiId, stage);
                     if (!engine->traffic()->caches.flush(name))
                         return json({{QStringLiteral("message"), QStringLiteral("Stage %1 of API %2 has no cache (not enabled or not used yet)").arg(stage, apiId)}},
                                     QHttpServerResponder::StatusCode::NotFound);
                     return json({{QStringLiteral("flushed"), name}}, QHttpServerResponder::StatusCode::Accepted);
                 });
}

} // namespace gw::runtime
