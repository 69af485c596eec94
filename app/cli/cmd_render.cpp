#include "command.h"
#include "projectloader.h"

#include "gateway/transform/mappingvariables.h"
#include "gateway/transform/samplerequest.h"

#include <QFile>

#include <cstdio>

namespace gw::cli {

// Renders a mapping template as an integration request template would be, and prints the
// output byte for byte (nothing added). A template error exits 1 with "line:column: message".
static int runRender(const QStringList &arguments)
{
    QStringList args = arguments;
    const QString templateFile = takeOption(args, QStringLiteral("--template"));
    const QString requestFile = takeOption(args, QStringLiteral("--request"));
    if (!args.isEmpty() || templateFile.isEmpty() || requestFile.isEmpty()) {
        err() << "usage: gatewright-cli render --template FILE --request REQUEST.json\n";
        return 2;
    }
    QFile f(templateFile);
    if (!f.open(QIODevice::ReadOnly)) {
        err() << templateFile << ": " << f.errorString() << '\n';
        return 1;
    }
    const QString source = QString::fromUtf8(f.readAll());
    transform::MappingRequest request;
    QString error;
    if (!transform::readSampleRequest(requestFile, &request, &error)) {
        err() << error << '\n';
        return 1;
    }
    transform::VtlSyntaxError syntaxError;
    const auto tpl = transform::VtlTemplate::parse(source, &syntaxError);
    if (!tpl) {
        err() << syntaxError.toString() << '\n';
        return 1;
    }
    transform::MappingOverrides overrides;
    const transform::VtlRenderResult r = transform::renderMapping(*tpl, request, &overrides);
    if (!r.ok) {
        err() << r.error << '\n';
        return 1;
    }
    out().flush();
    const QByteArray bytes = r.output.toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    std::fflush(stdout);
    return 0;
}

static CommandRegistration registration({"render", "render --template FILE --request REQUEST.json  render a mapping template, print its output",
                                         &runRender});

} // namespace gw::cli
