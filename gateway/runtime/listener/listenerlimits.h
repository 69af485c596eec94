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
    int idleTimeoutMs = 60'000;                  // keep-alive connection without a request; also a
                                                 // client that takes none of its queued answers
    int bodyTimeoutMs = 60'000;                  // gap between body bytes
    // A body must average at least this rate once bodyGraceMs have passed since its head
    // (Kestrel's MinRequestBodyDataRate idea): a trickle that keeps under the gap timeout still ends.
    qint64 minBodyBytesPerSecond = 1024;
    int bodyGraceMs = 10'000;
    int maxConnections = 10'000;                 // per engine thread; at the cap, idle and then
                                                 // slow connections are reclaimed for new ones
    int maxPipelined = 64;                       // requests queued on one connection
    qint64 maxQueuedBytes = 1024 * 1024;         // answer bytes waiting to go out on one connection
                                                 // before reading pauses
    int lingerMs = 5'000;                        // after an error answer, unread input is drained
                                                 // this long so the client reads the answer
};

} // namespace gw::runtime
