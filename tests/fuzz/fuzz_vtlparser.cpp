// libFuzzer target: any bytes as a mapping template. Parsing must never crash, hang or leak;
// whatever parses is rendered against a fixed request with tight limits, so the evaluator and
// $input/$util/$context are fuzzed too. Built only with -DGW_FUZZ=ON and clang (tests/fuzz).
#include "gateway/transform/mappingvariables.h"
#include "gateway/transform/vtltemplate.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace gw::transform;
    const QString source = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    VtlSyntaxError error;
    const auto tpl = VtlTemplate::parse(source, &error);
    if (!tpl) {
        // An error always says where.
        if (error.line < 1 || error.column < 1 || error.message.isEmpty())
            __builtin_trap();
        return 0;
    }
    MappingRequest request;
    request.body = R"({"a":{"b":[1,2.5,"x",null,true]},"s":"str","m":{"k":"v"}})";
    request.pathParameters = {{QStringLiteral("id"), QStringLiteral("7")}};
    request.query = {{QStringLiteral("q"), QStringLiteral("v")}};
    request.headers = {{QStringLiteral("X-H"), QStringLiteral("h")}};
    request.context = QJsonObject{{QStringLiteral("stage"), QStringLiteral("test")}};
    request.stageVariables = {{QStringLiteral("env"), QStringLiteral("dev")}};
    VtlVariables vars = mappingVariables(request);
    VtlLimits limits;
    limits.maxSteps = 20'000;
    limits.maxOutput = 64 * 1024;
    const VtlRenderResult r = tpl->render(vars, limits);
    if (r.ok && r.output.size() > limits.maxOutput)
        __builtin_trap();
    readOverrides(vars);
    return 0;
}
