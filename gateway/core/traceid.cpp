#include "traceid.h"

#include "ids.h"

#include <QList>

namespace gw {

namespace {

bool isLowerHex(const QStringView s)
{
    for (const QChar c : s)
        if (!((c >= QLatin1Char('0') && c <= QLatin1Char('9')) || (c >= QLatin1Char('a') && c <= QLatin1Char('f'))))
            return false;
    return true;
}

// "1-{8 hex}-{24 hex}", the only version X-Ray defines.
bool isTraceId(const QStringView id)
{
    return id.size() == 35 && id.startsWith(QLatin1String("1-")) && id[10] == QLatin1Char('-')
        && isLowerHex(id.mid(2, 8)) && isLowerHex(id.mid(11));
}

} // namespace

QString traceIdOf(const QString &header)
{
    for (const QStringView field : QStringView(header).split(QLatin1Char(';'))) {
        const QStringView f = field.trimmed();
        if (f.startsWith(QLatin1String("Root="))) {
            const QStringView id = f.mid(5);
            return isTraceId(id) ? id.toString() : QString();
        }
    }
    return {};
}

QString traceHeaderFor(const QByteArray &incoming, qint64 epochSeconds)
{
    const QString header = QString::fromLatin1(incoming.trimmed());
    if (!header.isEmpty() && !traceIdOf(header).isEmpty())
        return header;
    return newTraceHeader(epochSeconds);
}

} // namespace gw
