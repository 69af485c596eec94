#include "ids.h"

#include <QRandomGenerator>
#include <QUuid>

namespace gw {

static QString randomToken(int length, const char *alphabet)
{
    const int n = int(qstrlen(alphabet));
    QString out;
    out.reserve(length);
    auto *rng = QRandomGenerator::global();
    for (int i = 0; i < length; ++i)
        out.append(QLatin1Char(alphabet[rng->bounded(n)]));
    return out;
}

static constexpr const char *kLowerAlnum = "abcdefghijklmnopqrstuvwxyz0123456789";

QString newApiId() { return randomToken(10, kLowerAlnum); }
QString newResourceId() { return randomToken(6, kLowerAlnum); }
QString newDeploymentId() { return randomToken(6, kLowerAlnum); }
QString newRequestId() { return QUuid::createUuid().toString(QUuid::WithoutBraces); }
QString newExtendedRequestId()
{
    return randomToken(14, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-")
         + QStringLiteral("=");
}

} // namespace gw
