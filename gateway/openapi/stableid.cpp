#include "stableid.h"

#include <QCryptographicHash>

namespace gw::openapi {

QString stableId(const QString &seed, int length)
{
    static constexpr char kAlphabet[] = "abcdefghijklmnopqrstuvwxyz0123456789";
    const QByteArray hash = QCryptographicHash::hash(seed.toUtf8(), QCryptographicHash::Sha1);
    QString out;
    out.reserve(length);
    for (int i = 0; i < length && i < hash.size(); ++i)
        out += QLatin1Char(kAlphabet[quint8(hash[i]) % 36]);
    return out;
}

} // namespace gw::openapi
