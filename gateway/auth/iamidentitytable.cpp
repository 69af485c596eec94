#include "iamidentitytable.h"

#include <QCryptographicHash>

namespace gw::auth {

PolicyEffect IamIdentityEntry::evaluate(const QString &methodArn) const
{
    for (const QString &pattern : deny)
        if (wildcardMatches(pattern, methodArn))
            return PolicyEffect::Deny;
    for (const QString &pattern : allow)
        if (wildcardMatches(pattern, methodArn))
            return PolicyEffect::Allow;
    return PolicyEffect::Silent;
}

std::shared_ptr<const IamIdentityTable> IamIdentityTable::build(
    const QList<model::IamIdentity> &identities, const QString &accountId)
{
    auto table = std::make_shared<IamIdentityTable>();
    for (const model::IamIdentity &i : identities) {
        // check() reports empty and duplicate key ids; the first identity with a key wins here.
        if (i.accessKeyId.isEmpty() || i.secretAccessKey.isEmpty() || table->m_byKey.contains(i.accessKeyId))
            continue;
        IamIdentityEntry e;
        e.credentials.accessKeyId = i.accessKeyId;
        e.credentials.secretAccessKey = i.secretAccessKey;
        e.credentials.sessionToken = i.sessionToken;
        e.credentials.source = QStringLiteral("project IAM identity");
        // A stable user id in AWS's shape (AIDA + 17 characters), derived from the key id.
        const QString userId = QStringLiteral("AIDA")
            + QString::fromLatin1(QCryptographicHash::hash(i.accessKeyId.toUtf8(), QCryptographicHash::Sha256)
                                      .toHex()
                                      .toUpper()
                                      .left(17));
        e.caller = {i.accessKeyId, accountId, userId, userId,
            QStringLiteral("arn:aws:iam::%1:user/%2").arg(accountId, i.name.isEmpty() ? i.accessKeyId : i.name)};
        e.allow = i.allow;
        e.deny = i.deny;
        table->m_byKey.insert(i.accessKeyId, e);
    }
    return table;
}

const IamIdentityEntry *IamIdentityTable::find(const QString &accessKeyId) const
{
    const auto it = m_byKey.constFind(accessKeyId);
    return it != m_byKey.cend() ? &*it : nullptr;
}

} // namespace gw::auth
