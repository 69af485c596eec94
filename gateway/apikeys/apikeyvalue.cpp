#include "apikeyvalue.h"

#include "gateway/observe/secretmask.h"

#include <QRandomGenerator>

namespace gw::apikeys {

QString randomAlphanumerics(int length, const char *alphabet, quint32 alphabetSize)
{
    QString out;
    out.reserve(length);
    QRandomGenerator *rng = QRandomGenerator::system();
    // Rejection sampling keeps every character equally likely.
    const quint32 limit = 256 - (256 % alphabetSize);
    while (out.size() < length) {
        const quint32 byte = rng->generate() & 0xff;
        if (byte < limit)
            out.append(QLatin1Char(alphabet[byte % alphabetSize]));
    }
    return out;
}

QString generateApiKeyValue()
{
    static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    return randomAlphanumerics(40, kAlphabet, 62);
}

QString generateApiKeyId()
{
    static constexpr char kAlphabet[] = "abcdefghijklmnopqrstuvwxyz0123456789";
    return randomAlphanumerics(10, kAlphabet, 36);
}

bool constantTimeEquals(QByteArrayView a, QByteArrayView b)
{
    if (a.size() != b.size())
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= static_cast<unsigned char>(a[i] ^ b[i]);
    return diff == 0;
}

QString maskApiKey(const QString &value)
{
    return QString::fromUtf8(observe::maskSecret(value.toUtf8()));
}

} // namespace gw::apikeys
