#include "projectloader.h"

#include "command.h"

#include "gateway/model/projectfile.h"

namespace gw::cli {

std::optional<model::Project> loadProjectOrReport(const QString &fileName)
{
    const model::LoadResult result = model::loadProject(fileName);
    for (const auto &d : result.diagnostics)
        err() << d.toString(fileName) << '\n';
    err().flush();
    if (!result.ok)
        return std::nullopt;
    return result.project;
}

QString takeOption(QStringList &args, const QString &name, const QString &fallback)
{
    for (qsizetype i = 0; i < args.size(); ++i) {
        if (args[i] == name && i + 1 < args.size()) {
            const QString v = args[i + 1];
            args.remove(i, 2);
            return v;
        }
        if (args[i].startsWith(name + QLatin1Char('='))) {
            const QString v = args[i].mid(name.size() + 1);
            args.removeAt(i);
            return v;
        }
    }
    return fallback;
}

QStringList takeOptions(QStringList &args, const QString &name)
{
    QStringList out;
    for (;;) {
        const qsizetype before = args.size();
        const QString v = takeOption(args, name);
        if (args.size() == before)
            return out;
        out.append(v);
    }
}

bool takeFlag(QStringList &args, const QString &name)
{
    return args.removeAll(name) > 0;
}

} // namespace gw::cli
