#include "invokeandwait.h"

#include <QTest>

#include <optional>

namespace gwtest {

gw::functions::FunctionResult invokeAndWait(gw::functions::FunctionRuntime &runtime, const gw::model::Function &function,
                                            const QByteArray &event, const QString &requestId)
{
    std::optional<gw::functions::FunctionResult> result;
    runtime.invoke(&function, event, {requestId, false}, [&](gw::functions::FunctionResult r) { result = std::move(r); });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 15000)) {
        gw::functions::FunctionResult none;
        none.functionError = true;
        none.errorType = QStringLiteral("no answer");
        none.payload = "no answer within 15 s: the worker is held";
        return none;
    }
    return *result;
}

} // namespace gwtest
