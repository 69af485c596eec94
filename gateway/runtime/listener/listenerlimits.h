#pragma once

#include <QtGlobal>

namespace gw::runtime {

// What the gateway's own listener accepts, checked before anything is buffered.
struct ListenerLimits
{
    qsizetype maxRequestLine = 10 * 1024;        // request line (URL length, AWS: 10,240 regional)
    qsizetype maxHeaderBytes = 10 * 1024;        // header names and values together (AWS: 10,240)
    int maxHeaders = 100;
    qsizetype maxBody = 10 * 1024 * 1024;        // payload (AWS: 10 MB)
    int headerTimeoutMs = 10'000;                // whole request head must arrive within this
    int idleTimeoutMs = 60'000;                  // keep-alive connection without a request
    int bodyTimeoutMs = 60'000;                  // gap between body bytes
    int maxConnections = 10'000;                 // per engine thread
    int maxPipelined = 64;                       // requests queued on one connection
};

} // namespace gw::runtime
