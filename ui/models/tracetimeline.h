#pragma once

#include "gateway/pipeline/trace.h"

namespace gw::ui {

// One stretch of a request's execution trace spent in one phase, for the live log's timeline.
struct TracePhase
{
    QString phase;
    qint64 startUs = 0;
    qint64 durationUs = 0; // until the next phase began (the last one: until the request ended)
    QList<gw::pipeline::TraceLine> lines;
};

// Consecutive lines of the same phase form one TracePhase; a phase met again later (the
// response path) starts a new one. totalUs is the request's latency.
QList<TracePhase> traceTimeline(const QList<gw::pipeline::TraceLine> &lines, qint64 totalUs);

} // namespace gw::ui
