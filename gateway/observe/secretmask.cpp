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
    // Values masked once (request records are masked when captured) stay as they are, so the
    // UI masking them again keeps their prefix.
    if (value.size() <= 8 && value.endsWith("****"))
        return value;
    if (value.size() <= 8)
        return "****";
    // Show at most 4 characters of a long value, never a quarter of it.
    const qsizetype shown = qMin<qsizetype>(4, value.size() / 4);
    return value.left(shown) + "****";
}

bool isSecretQueryParameter(QByteArrayView name)
{
    return name.compare("X-Amz-Security-Token", Qt::CaseInsensitive) == 0;
}

QByteArray maskSecretQueryParameters(const QByteArray &target)
{
    const qsizetype question = target.indexOf('?');
    if (question < 0 || !target.contains("ecurity-"))  // the common case copies nothing
        return target;
    QList<QByteArray> pieces = target.mid(question + 1).split('&');
    for (QByteArray &piece : pieces) {
        const qsizetype eq = piece.indexOf('=');
        if (eq > 0 && isSecretQueryParameter(QByteArrayView(piece).first(eq)))
            piece = piece.left(eq + 1) + maskSecret(piece.mid(eq + 1));
    }
    return target.left(question + 1) + pieces.join('&');
}

HeaderList maskSecretHeaders(const HeaderList &headers, const QList<QByteArray> &extra)
{
    HeaderList out;
    for (const auto &h : headers)
        out.append(h.first, isSecretHeader(h.first, extra) ? maskSecret(h.second) : h.second);
    return out;
}

} // namespace gw::observe
