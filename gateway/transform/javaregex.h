#pragma once

#include <QRegularExpression>
#include <QString>
#include <QStringList>

namespace gw::transform {

// java.util.regex on top of QRegularExpression (PCRE2 accepts nearly all of Java's syntax):
// compiled patterns are cached per thread, since templates pass them as call arguments.
const QRegularExpression &javaRegex(const QString &pattern, bool anchored = false);
// String.replaceAll / replaceFirst: $n in the replacement is group n, \x is x.
QString javaReplace(const QString &input, const QString &pattern, const QString &replacement, bool all);
// String.split(regex): trailing empty strings dropped, as Java does.
QStringList javaSplit(const QString &input, const QString &pattern);

} // namespace gw::transform
