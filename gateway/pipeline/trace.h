#pragma once

#include <QList>
#include <QString>

namespace gw::pipeline {

// The execution trace of one request: the lines API Gateway's execution log (and the console's
// Test button) prints, each with the phase that wrote it and its time since the request began.
struct TraceLine
{
    qint64 elapsedUs = 0;
    QString phase;
    QString text;
};

class Trace
{
public:
    void setEnabled(bool enabled) { m_enabled = enabled; }
    bool enabled() const { return m_enabled; }
    void add(qint64 elapsedUs, const QString &phase, const QString &text)
    {
        if (m_enabled)
            m_lines.append({elapsedUs, phase, text});
    }
    const QList<TraceLine> &lines() const { return m_lines; }

private:
    bool m_enabled = true;
    QList<TraceLine> m_lines;
};

} // namespace gw::pipeline
