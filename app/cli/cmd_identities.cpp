#include "command.h"
#include "projectloader.h"

#include "gateway/auth/iamkeys.h"
#include "gateway/model/check.h"
#include "gateway/model/projectfile.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace gw::cli {

// What the CLI shows of an identity: the secret and the session token only masked, always (they
// are in the project file for whoever may read it).
static QJsonObject describeIdentity(const model::IamIdentity &i)
{
    QJsonObject o {{QStringLiteral("accessKeyId"), i.accessKeyId},
        {QStringLiteral("secretAccessKey"), auth::maskIamSecret(i.secretAccessKey)},
        {QStringLiteral("allow"), QJsonArray::fromStringList(i.allow)},
        {QStringLiteral("deny"), QJsonArray::fromStringList(i.deny)}};
    if (!i.sessionToken.isEmpty())
        o.insert(QStringLiteral("sessionToken"), auth::maskIamSecret(i.sessionToken));
    if (!i.name.isEmpty())
        o.insert(QStringLiteral("name"), i.name);
    if (!i.description.isEmpty())
        o.insert(QStringLiteral("description"), i.description);
    return o;
}

static int listIdentities(QStringList args)
{
    const bool json = takeFlag(args, QStringLiteral("--json"));
    if (args.size() != 1) {
        err() << "usage: gatewright-cli identities list PROJECT [--json]\n";
        return 2;
    }
    const auto project = loadProjectOrReport(args.first());
    if (!project)
        return 1;
    QJsonArray identities;
    for (const model::IamIdentity &i : project->iamIdentities)
        identities.append(describeIdentity(i));
    if (json) {
        out() << QString::fromUtf8(QJsonDocument(identities).toJson(QJsonDocument::Indented));
        return 0;
    }
    out() << "ACCESS_KEY_ID\tNAME\tSECRET\tSESSION_TOKEN\tALLOW\tDENY\n";
    for (const model::IamIdentity &i : project->iamIdentities)
        out() << i.accessKeyId << '\t' << (i.name.isEmpty() ? QStringLiteral("-") : i.name) << '\t'
              << auth::maskIamSecret(i.secretAccessKey) << '\t'
              << (i.sessionToken.isEmpty() ? QStringLiteral("-") : auth::maskIamSecret(i.sessionToken)) << '\t'
              << (i.allow.isEmpty() ? QStringLiteral("-") : i.allow.join(QLatin1Char(','))) << '\t'
              << (i.deny.isEmpty() ? QStringLiteral("-") : i.deny.join(QLatin1Char(','))) << '\n';
    return 0;
}

// Adds an identity (key id and secret generated unless given), refuses one check() finds wrong,
// and saves the project atomically.
static int createIdentity(QStringList args)
{
    model::IamIdentity identity;
    identity.name = takeOption(args, QStringLiteral("--name"));
    identity.description = takeOption(args, QStringLiteral("--description"));
    identity.accessKeyId = takeOption(args, QStringLiteral("--access-key-id"));
    identity.secretAccessKey = takeOption(args, QStringLiteral("--secret-access-key"));
    identity.sessionToken = takeOption(args, QStringLiteral("--session-token"));
    identity.allow = takeOptions(args, QStringLiteral("--allow"));
    identity.deny = takeOptions(args, QStringLiteral("--deny"));
    if (args.size() != 1) {
        err() << "usage: gatewright-cli identities create PROJECT [--name NAME] [--description TEXT] [--access-key-id "
                 "ID]\n"
                 "         [--secret-access-key SECRET] [--session-token TOKEN] [--allow ARN]... [--deny ARN]...\n";
        return 2;
    }
    const QString file = args.first();
    auto project = loadProjectOrReport(file);
    if (!project)
        return 1;
    if (identity.accessKeyId.isEmpty())
        identity.accessKeyId = auth::generateAccessKeyId();
    if (identity.secretAccessKey.isEmpty())
        identity.secretAccessKey = auth::generateSecretAccessKey();
    const QString path = QStringLiteral("iamIdentities[%1]").arg(project->iamIdentities.size());
    project->iamIdentities.append(identity);
    bool refused = false;
    for (const model::Diagnostic &d : model::check(*project))
        if (d.path.startsWith(path + QLatin1Char('.')) || d.path == path) {
            err() << d.toString(file) << '\n';
            refused = refused || d.severity == model::Diagnostic::Severity::Error;
        }
    if (refused)
        return 1;
    QString error;
    if (!model::saveProject(*project, file, &error)) {
        err() << file << ": " << error << '\n';
        return 1;
    }
    out() << QString::fromUtf8(QJsonDocument(describeIdentity(identity)).toJson(QJsonDocument::Compact)) << '\n';
    return 0;
}

static int runIdentities(const QStringList &arguments)
{
    QStringList args = arguments;
    const QString verb = args.isEmpty() ? QString() : args.takeFirst();
    if (verb == QLatin1String("list"))
        return listIdentities(args);
    if (verb == QLatin1String("create"))
        return createIdentity(args);
    err() << "usage: gatewright-cli identities list PROJECT [--json] | identities create PROJECT [--name NAME] "
             "[--allow ARN]... ...\n";
    return 2;
}

static CommandRegistration registration({"identities",
    "identities list|create PROJECT ...  IAM identities for AWS_IAM methods (secrets masked)", &runIdentities});

} // namespace gw::cli
