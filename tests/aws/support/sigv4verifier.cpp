#include "sigv4verifier.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>

#include <algorithm>

namespace gwtest {
namespace {

QByteArray hmac(const QByteArray &key, const QByteArray &data)
{
    return QMessageAuthenticationCode::hash(data, key, QCryptographicHash::Sha256);
}

QByteArray sha256(const QByteArray &data)
{
    return QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex();
}

// Services other than S3 sign the received (already encoded) path encoded once more.
QByteArray canonicalPath(const QByteArray &path)
{
    if (path.isEmpty() || path == "/")
        return "/";
    QList<QByteArray> encoded;
    for (const QByteArray &segment : path.split('/'))
        encoded.append(segment.toPercentEncoding());
    return encoded.join('/');
}

QByteArray canonicalQueryString(const QByteArray &query)
{
    QList<QPair<QByteArray, QByteArray>> pairs;
    for (const QByteArray &piece : query.split('&')) {
        if (piece.isEmpty())
            continue;
        const QList<QByteArray> kv = piece.split('=');
        const QByteArray value = kv.size() > 1 ? piece.mid(kv.first().size() + 1) : QByteArray();
        pairs.append({QByteArray::fromPercentEncoding(kv.first()).toPercentEncoding(),
                      QByteArray::fromPercentEncoding(value).toPercentEncoding()});
    }
    std::sort(pairs.begin(), pairs.end());
    QList<QByteArray> joined;
    for (const auto &pair : std::as_const(pairs))
        joined.append(pair.first + '=' + pair.second);
    return joined.join('&');
}

SignatureCheck fail(const QString &reason)
{
    SignatureCheck check;
    check.reason = reason;
    return check;
}

} // namespace

Sigv4Verifier::Sigv4Verifier(QByteArray accessKeyId, QByteArray secretAccessKey, QByteArray sessionToken)
    : m_accessKeyId(std::move(accessKeyId))
    , m_secret(std::move(secretAccessKey))
    , m_sessionToken(std::move(sessionToken))
{
}

SignatureCheck Sigv4Verifier::verify(const ReceivedRequest &request) const
{
    const QByteArray authorization = request.header("authorization");
    const QByteArray algorithm = "AWS4-HMAC-SHA256 ";
    if (!authorization.startsWith(algorithm))
        return fail(QStringLiteral("no AWS4-HMAC-SHA256 Authorization header"));
    QByteArray credential, signedHeaders, signature;
    for (const QByteArray &field : authorization.mid(algorithm.size()).split(',')) {
        const QByteArray f = field.trimmed();
        if (f.startsWith("Credential="))
            credential = f.mid(11);
        else if (f.startsWith("SignedHeaders="))
            signedHeaders = f.mid(14);
        else if (f.startsWith("Signature="))
            signature = f.mid(10);
    }
    const QList<QByteArray> scope = credential.split('/');
    if (scope.size() != 5 || scope[4] != "aws4_request")
        return fail(QStringLiteral("bad credential scope"));
    if (scope[0] != m_accessKeyId)
        return fail(QStringLiteral("unknown access key"));
    const QByteArray amzDate = request.header("x-amz-date");
    if (!amzDate.startsWith(scope[1]) || amzDate.size() != 16)
        return fail(QStringLiteral("X-Amz-Date does not match the credential scope"));

    const QList<QByteArray> names = signedHeaders.split(';');
    if (!names.contains("host") || !names.contains("x-amz-date"))
        return fail(QStringLiteral("host and x-amz-date must be signed"));
    QList<QByteArray> sorted = names;
    std::sort(sorted.begin(), sorted.end());
    if (sorted != names)
        return fail(QStringLiteral("SignedHeaders not sorted"));
    if (!m_sessionToken.isEmpty()
        && (request.header("x-amz-security-token") != m_sessionToken || !names.contains("x-amz-security-token")))
        return fail(QStringLiteral("session token missing or not signed"));

    QByteArray headerBlock;
    for (const QByteArray &name : names) {
        const QList<QByteArray> values = request.headerValues(name);
        if (values.isEmpty())
            return fail(QStringLiteral("signed header %1 not sent").arg(QString::fromLatin1(name)));
        QList<QByteArray> cleaned;
        for (const QByteArray &v : values)
            cleaned.append(v.simplified());
        headerBlock += name + ':' + cleaned.join(',') + '\n';
    }

    QByteArray payload = sha256(request.body);
    const QByteArray declared = request.header("x-amz-content-sha256");
    if (!declared.isEmpty()) {
        if (declared != payload && declared != "UNSIGNED-PAYLOAD")
            return fail(QStringLiteral("x-amz-content-sha256 does not match the body"));
        payload = declared;
    }
    const QByteArray canonical = request.method + '\n' + canonicalPath(request.path) + '\n'
        + canonicalQueryString(request.query) + '\n' + headerBlock + '\n' + signedHeaders + '\n' + payload;
    const QByteArray stringToSign = "AWS4-HMAC-SHA256\n" + amzDate + '\n' + scope[1] + '/' + scope[2] + '/'
        + scope[3] + "/aws4_request\n" + sha256(canonical);
    QByteArray key = hmac("AWS4" + m_secret, scope[1]);
    for (const QByteArray &part : {scope[2], scope[3], QByteArray("aws4_request")})
        key = hmac(key, part);
    if (hmac(key, stringToSign).toHex() != signature)
        return fail(QStringLiteral("signature mismatch; canonical request was:\n") + QString::fromUtf8(canonical));
    SignatureCheck check;
    check.ok = true;
    check.region = scope[2];
    check.service = scope[3];
    return check;
}

} // namespace gwtest
