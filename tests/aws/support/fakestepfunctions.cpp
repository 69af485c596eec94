#include "fakestepfunctions.h"

#include <QJsonDocument>

namespace gwtest {

FakeAnswer FakeStepFunctions::handle(const QByteArray &operation, const QJsonObject &input)
{
    if (operation != "StartExecution" && operation != "StartSyncExecution")
        return FakeAnswer::jsonError(400, QStringLiteral("UnknownOperationException"), {});
    const QString machine = input.value(QStringLiteral("stateMachineArn")).toString();
    if (!m_machines.contains(machine))
        return FakeAnswer::jsonError(400, QStringLiteral("StateMachineDoesNotExist"),
                                     QStringLiteral("State Machine Does Not Exist: '%1'").arg(machine));
    const QString executionInput = input.value(QStringLiteral("input")).toString(QStringLiteral("{}"));
    QJsonParseError parseError;
    QJsonDocument::fromJson(executionInput.toUtf8(), &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return FakeAnswer::jsonError(400, QStringLiteral("InvalidExecutionInput"),
                                     QStringLiteral("Invalid State Machine Execution Input: '%1'").arg(parseError.errorString()));
    ++m_executions;
    const QString name = input.value(QStringLiteral("name")).toString(QStringLiteral("execution-%1").arg(m_executions));
    QString executionArn = machine;
    executionArn.replace(QStringLiteral(":stateMachine:"), QStringLiteral(":execution:"));
    executionArn += QLatin1Char(':') + name;
    QJsonObject answer{{QStringLiteral("executionArn"), executionArn}, {QStringLiteral("startDate"), 1.7e9}};
    if (operation == "StartSyncExecution") {
        answer.insert(QStringLiteral("stateMachineArn"), machine);
        answer.insert(QStringLiteral("name"), name);
        answer.insert(QStringLiteral("status"), QStringLiteral("SUCCEEDED"));
        answer.insert(QStringLiteral("input"), executionInput);
        answer.insert(QStringLiteral("output"), executionInput);
        answer.insert(QStringLiteral("stopDate"), 1.7e9);
    }
    return FakeAnswer::json(answer);
}

} // namespace gwtest
