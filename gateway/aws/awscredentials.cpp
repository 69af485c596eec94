#include "awscredentials.h"

namespace gw::aws {

QString AwsCredentials::redacted() const
{
    if (accessKeyId.isEmpty())
        return QStringLiteral("no credentials");
    // Key ids are not secret, but showing only their ends keeps them out of screenshots.
    const QString id = accessKeyId.size() > 8
        ? accessKeyId.left(4) + QStringLiteral("…") + accessKeyId.right(4)
        : QStringLiteral("…");
    QString text = id;
    text += secretAccessKey.isEmpty() ? QStringLiteral(" (no secret)") : QString();
    text += sessionToken.isEmpty() ? QString() : QStringLiteral(" (session token)");
    if (!source.isEmpty())
        text += QStringLiteral(" from ") + source;
    return text;
}

QDebug operator<<(QDebug debug, const AwsCredentials &credentials)
{
    QDebugStateSaver saver(debug);
    debug.nospace() << "AwsCredentials(" << credentials.redacted() << ')';
    return debug;
}

} // namespace gw::aws
