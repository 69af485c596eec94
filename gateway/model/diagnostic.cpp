#include "diagnostic.h"

namespace gw::model {

QString Diagnostic::toString(const QString &file) const
{
    QString out;
    if (!file.isEmpty())
        out += file + QLatin1Char(':');
    if (!path.isEmpty())
        out += path + QLatin1Char(':');
    if (!out.isEmpty())
        out += QLatin1Char(' ');
    if (severity == Severity::Warning)
        out += QStringLiteral("warning: ");
    return out + message;
}

bool hasErrors(const Diagnostics &diagnostics)
{
    for (const auto &d : diagnostics)
        if (d.severity == Diagnostic::Severity::Error)
            return true;
    return false;
}

} // namespace gw::model
