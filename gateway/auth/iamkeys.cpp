#include "iamkeys.h"

#include "gateway/apikeys/apikeyvalue.h"
#include "gateway/observe/secretmask.h"

namespace gw::auth {

QString generateAccessKeyId()
{
    static constexpr char kBase32[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    return QStringLiteral("AKIA") + apikeys::randomAlphanumerics(16, kBase32, 32);
}

QString generateSecretAccessKey()
{
    static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789/+";
    return apikeys::randomAlphanumerics(40, kAlphabet, 64);
}

QString maskIamSecret(const QString &secret)
{
    return secret.isEmpty() ? QString() : QString::fromUtf8(observe::maskSecret(secret.toUtf8()));
}

} // namespace gw::auth
