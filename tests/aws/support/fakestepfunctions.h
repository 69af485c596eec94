#pragma once

#include "fakeanswer.h"

#include <QSet>

namespace gwtest {

// Step Functions with pass-through state machines: StartExecution answers at once,
// StartSyncExecution "runs" the machine and returns its input as its output.
class FakeStepFunctions
{
public:
    void createStateMachine(const QString &arn) { m_machines.insert(arn); }
    FakeAnswer handle(const QByteArray &operation, const QJsonObject &input);
    int executionCount() const { return m_executions; }

private:
    QSet<QString> m_machines;
    int m_executions = 0;
};

} // namespace gwtest
