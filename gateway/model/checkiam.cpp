#include "checkiam.h"

#include "check.h"

#include <QHash>
#include <QRegularExpression>

namespace gw::model {

namespace {

bool hasWildcard(const QString &s)
{
    return s.contains(QLatin1Char('*')) || s.contains(QLatin1Char('?'));
}

} // namespace

QString checkExecuteApiArn(const QString &arn)
{
    if (arn == QLatin1String("*"))
        return {};
    if (!arn.startsWith(QLatin1String("arn:")))
        return QStringLiteral("an ARN starts with arn:");
    // arn:partition:service:region:account:resource (the resource may itself hold ':').
    const QStringList parts = arn.split(QLatin1Char(':'));
    if (parts.size() < 6)
        return QStringLiteral("expected arn:aws:execute-api:{region}:{account}:{apiId}/{stage}/{METHOD}/{path}");
    const QString &partition = parts[1];
    static const QStringList partitions
        = {QStringLiteral("aws"), QStringLiteral("aws-cn"), QStringLiteral("aws-us-gov")};
    if (!partitions.contains(partition) && !hasWildcard(partition))
        return QStringLiteral("partition '%1' is not aws, aws-cn or aws-us-gov").arg(partition);
    if (parts[2] != QLatin1String("execute-api") && !(hasWildcard(parts[2]) && parts[2] != QLatin1String("?")))
        return QStringLiteral("service '%1' is not execute-api").arg(parts[2]);
    static const QRegularExpression region(QStringLiteral("^[a-z0-9*?-]+$"));
    if (!region.match(parts[3]).hasMatch())
        return QStringLiteral("region '%1' is not a region such as us-east-1").arg(parts[3]);
    static const QRegularExpression account(QStringLiteral("^(\\d{12}|[0-9*?]*[*?][0-9*?]*)$"));
    if (!account.match(parts[4]).hasMatch())
        return QStringLiteral("account '%1' is not 12 digits").arg(parts[4]);
    const QString resource = parts.mid(5).join(QLatin1Char(':'));
    const QStringList segments = resource.split(QLatin1Char('/'));
    if (segments[0].isEmpty())
        return QStringLiteral("the resource has no API id (expected {apiId}/{stage}/{METHOD}/{path})");
    if (segments.size() >= 2 && segments[1].isEmpty())
        return QStringLiteral("the stage is empty (use * for any stage)");
    if (segments.size() >= 3 && !hasWildcard(segments[2]) && !isHttpMethod(segments[2]))
        return QStringLiteral("'%1' is not an HTTP method (GET, POST, ... or *)").arg(segments[2]);
    return {};
}

void checkIamIdentities(const Project &project, Diagnostics &out)
{
    const auto error = [&out](const QString &path, const QString &message) {
        out.append({Diagnostic::Severity::Error, path, message});
    };
    QHash<QString, qsizetype> firstWithKey;
    static const QRegularExpression keyId(QStringLiteral("^\\w{16,128}$"));
    static const QRegularExpression userName(QStringLiteral("^[\\w+=,.@-]{1,64}$"));
    for (qsizetype k = 0; k < project.iamIdentities.size(); ++k) {
        const IamIdentity &identity = project.iamIdentities[k];
        const QString path = QStringLiteral("iamIdentities[%1]").arg(k);
        if (identity.accessKeyId.isEmpty()) {
            error(path + QStringLiteral(".accessKeyId"), QStringLiteral("access key id is empty"));
        } else if (const auto it = firstWithKey.constFind(identity.accessKeyId); it != firstWithKey.cend()) {
            error(path + QStringLiteral(".accessKeyId"),
                QStringLiteral("access key id %1 is already used by iamIdentities[%2]")
                    .arg(identity.accessKeyId)
                    .arg(*it));
        } else {
            firstWithKey.insert(identity.accessKeyId, k);
            static const QRegularExpression unsignable(QStringLiteral("[/,=\\s]"));
            // AWS's own ids are 16 to 128 word characters; a shorter one still signs and verifies.
            if (unsignable.match(identity.accessKeyId).hasMatch())
                error(path + QStringLiteral(".accessKeyId"),
                    QStringLiteral(
                        "access key id %1 holds a character a SigV4 Credential cannot carry ('/', ',', '=' or a space)")
                        .arg(identity.accessKeyId));
            else if (!keyId.match(identity.accessKeyId).hasMatch())
                out.append({Diagnostic::Severity::Warning, path + QStringLiteral(".accessKeyId"),
                    QStringLiteral(
                        "access key id %1 is not 16 to 128 letters, digits or underscores as AWS issues them")
                        .arg(identity.accessKeyId)});
        }
        if (identity.secretAccessKey.isEmpty())
            error(path + QStringLiteral(".secretAccessKey"), QStringLiteral("secret access key is empty"));
        if (!identity.name.isEmpty() && !userName.match(identity.name).hasMatch())
            error(path + QStringLiteral(".name"),
                QStringLiteral("IAM user names are 1 to 64 letters, digits or +=,.@_- (is '%1')").arg(identity.name));
        for (const char *list : {"allow", "deny"}) {
            const QStringList &arns = qstrcmp(list, "allow") == 0 ? identity.allow : identity.deny;
            for (qsizetype a = 0; a < arns.size(); ++a)
                if (const QString problem = checkExecuteApiArn(arns[a]); !problem.isEmpty())
                    error(path + QStringLiteral(".%1[%2]").arg(QLatin1String(list)).arg(a),
                        QStringLiteral("'%1' is not an execute-api ARN: %2").arg(arns[a], problem));
        }
        if (identity.allow.isEmpty())
            out.append({Diagnostic::Severity::Warning, path + QStringLiteral(".allow"),
                QStringLiteral("allows nothing: every request %1 signs is denied").arg(identity.accessKeyId)});
    }
}

} // namespace gw::model
