#include "tracetimeline.h"

namespace gw::ui {

QList<TracePhase> traceTimeline(const QList<gw::pipeline::TraceLine> &lines, qint64 totalUs)
{
    QList<TracePhase> phases;
    for (const auto &line : lines) {
        if (phases.isEmpty() || phases.last().phase != line.phase)
            phases.append({line.phase, line.elapsedUs, 0, {}});
        phases.last().lines.append(line);
    }
    for (qsizetype i = 0; i < phases.size(); ++i) {
        const qint64 end = i + 1 < phases.size() ? phases[i + 1].startUs : qMax(totalUs, phases[i].lines.last().elapsedUs);
        phases[i].durationUs = qMax<qint64>(0, end - phases[i].startUs);
    }
    return phases;
}

} // namespace gw::ui
