#include "secretmask.h"

namespace gw::observe {

bool isSecretHeader(const QByteArray &name, const QList<QByteArray> &extra)
{
    static const char *secrets[] = {"authorization", "proxy-authorization", "x-api-key", "cookie", "set-cookie",
                                    "x-amz-security-token"};
    for (const char *s : secrets)
        if (name.compare(s, Qt::CaseInsensitive) == 0)
            return true;
    for (const QByteArray &e : extra)
        if (name.compare(e, Qt::CaseInsensitive) == 0)
            return true;
    return false;
}

QByteArray maskSecret(const QByteArray &value)
{
    if (value.size() <= 8)
        return "****";
    // Show at most 4 characters of a long value, never a quarter of it.
    const qsizetype shown = qMin<qsizetype>(4, value.size() / 4);
    return value.left(shown) + "****";
}

HeaderList maskSecretHeaders(const HeaderList &headers, const QList<QByteArray> &extra)
{
    HeaderList out;
    for (const auto &h : headers)
        out.append(h.first, isSecretHeader(h.first, extra) ? maskSecret(h.second) : h.second);
    return out;
}

} // namespace gw::observe
