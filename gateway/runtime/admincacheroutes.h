#pragma once

class QHttpServer;

namespace gw::runtime {

class Engine;

// The admin endpoint's cache routes, shaped like API Gateway's control plane:
//   GET    /cache                                   every stage cache's statistics (JSON)
//   DELETE /restapis/{apiId}/stages/{stage}/cache/data   FlushStageCache: 202, or 404 when the
//                                                     stage has no cache yet
//   DELETE /cache                                  flushes every stage's cache
void addCacheRoutes(QHttpServer &server, Engine *engine);

} // namespace gw::runtime
