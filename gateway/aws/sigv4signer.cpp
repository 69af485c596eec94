#include "sigv4signer.h"

#include "awsuriencoding.h"

#include <QCryptographicHash>
#include <QMap>

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <algorithm>

namespace gw::aws {
namespace {

const QByteArray kAlgorithm = QByteArrayLiteral("AWS4-HMAC-SHA256");
const QByteArray kUnsignedPayload = QByteArrayLiteral("UNSIGNED-PAYLOAD");

// Headers a proxy or the HTTP stack may rewrite or add after signing; signing them would make
// the signature fragile. Everything else the caller put in the request is signed.
bool isUnsignable(const QByteArray &lowerName)
{
    static const QList<QByteArray> names = {
        QByteArrayLiteral("authorization"), QByteArrayLiteral("user-agent"),
        QByteArrayLiteral("expect"),        QByteArrayLiteral("connection"),
        QByteArrayLiteral("transfer-encoding"), QByteArrayLiteral("x-amzn-trace-id"),
    };
    return names.contains(lowerName);
}

// Trims and collapses runs of spaces; a folded (multi-line) value becomes comma-separated
// lines, as the test suite's get-header-value-multiline expects.
QByteArray canonicalHeaderValue(const QByteArray &value)
{
    QList<QByteArray> lines;
    for (const QByteArray &line : value.split('\n')) {
        const QByteArray simplified = line.simplified();
        if (!simplified.isEmpty())
            lines.append(simplified);
    }
    return lines.join(',');
}

QList<QByteArray> normalizedSegments(const QList<QByteArray> &segments)
{
    QList<QByteArray> out;
    for (const QByteArray &segment : segments) {
        if (segment.isEmpty() || segment == ".")
            continue;
        if (segment == "..") {
            if (!out.isEmpty())
                out.removeLast();
            continue;
        }
        out.append(segment);
    }
    return out;
}

} // namespace

SigV4Options SigV4Options::forS3(const QString &region)
{
    SigV4Options options;
    options.region = region;
    options.service = QStringLiteral("s3");
    options.normalizePath = false;
    options.doubleEncodePath = false;
    options.addContentSha256Header = true;
    return options;
}

SigV4Signer::SigV4Signer(AwsCredentials credentials, SigV4Options options)
    : m_credentials(std::move(credentials))
    , m_options(std::move(options))
{
}

QByteArray SigV4Signer::amzDate(const QDateTime &time)
{
    return time.toUTC().toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'")).toLatin1();
}

QByteArray SigV4Signer::canonicalUri(const QByteArray &rawPath, bool normalize, bool doubleEncode)
{
    const QByteArray path = rawPath.isEmpty() ? QByteArrayLiteral("/") : rawPath;
    QList<QByteArray> segments = path.split('/');
    const bool trailingSlash = path.endsWith('/') || path.endsWith("/.") || path.endsWith("/..");
    if (normalize) {
        segments = normalizedSegments(segments);
    } else if (!segments.isEmpty() && segments.first().isEmpty()) {
        segments.removeFirst();  // the leading '/'
    }
    QByteArray out;
    for (const QByteArray &segment : std::as_const(segments)) {
        out += '/';
        // Services other than S3 sign the already-encoded wire path encoded once more.
        out += uriEncode(doubleEncode ? segment : percentDecode(segment));
    }
    if (normalize && trailingSlash && !segments.isEmpty())
        out += '/';
    return out.isEmpty() ? QByteArrayLiteral("/") : out;
}

QByteArray SigV4Signer::canonicalQuery(const QByteArray &rawQuery)
{
    QList<QPair<QByteArray, QByteArray>> pairs;
    for (const QByteArray &piece : rawQuery.split('&')) {
        if (piece.isEmpty())
            continue;
        const qsizetype eq = piece.indexOf('=');
        const QByteArray key = eq < 0 ? piece : piece.left(eq);
        const QByteArray value = eq < 0 ? QByteArray() : piece.mid(eq + 1);
        pairs.append({uriEncode(percentDecode(key)), uriEncode(percentDecode(value))});
    }
    std::sort(pairs.begin(), pairs.end());  // by encoded name, then encoded value
    QByteArray out;
    for (const auto &[key, value] : std::as_const(pairs)) {
        if (!out.isEmpty())
            out += '&';
        out += key + '=' + value;
    }
    return out;
}

QPair<QByteArray, QByteArray> SigV4Signer::canonicalHeaders(const HeaderList &headers,
                                                            const QList<QByteArray> &only)
{
    QMap<QByteArray, QList<QByteArray>> byName;  // sorted by lower-case name, values in order
    for (const auto &[name, value] : headers) {
        const QByteArray lower = name.trimmed().toLower();
        if (only.isEmpty() ? !isUnsignable(lower) : only.contains(lower))
            byName[lower].append(canonicalHeaderValue(value));
    }
    QByteArray block;
    QByteArray signedNames;
    for (auto it = byName.cbegin(); it != byName.cend(); ++it) {
        block += it.key() + ':' + it.value().join(',') + '\n';
        if (!signedNames.isEmpty())
            signedNames += ';';
        signedNames += it.key();
    }
    return {block, signedNames};
}

QByteArray SigV4Signer::hmacSha256(const QByteArray &key, const QByteArray &data)
{
    unsigned char out[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    HMAC(EVP_sha256(), key.constData(), int(key.size()),
         reinterpret_cast<const unsigned char *>(data.constData()), size_t(data.size()), out,
         &length);
    return QByteArray(reinterpret_cast<const char *>(out), int(length));
}

QByteArray SigV4Signer::sha256Hex(const QByteArray &data)
{
    return QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex();
}

QByteArray SigV4Signer::signingKey(const QString &secret, const QByteArray &date,
                                   const QString &region, const QString &service)
{
    QByteArray key = hmacSha256("AWS4" + secret.toUtf8(), date);
    key = hmacSha256(key, region.toUtf8());
    key = hmacSha256(key, service.toUtf8());
    return hmacSha256(key, QByteArrayLiteral("aws4_request"));
}

QByteArray SigV4Signer::payloadHash(const HttpRequest &request) const
{
    if (m_options.unsignedPayload)
        return kUnsignedPayload;
    // A caller-chosen hash (S3 streaming modes) is what the service checks against.
    const QByteArray given = request.headers.value(QByteArrayLiteral("x-amz-content-sha256"));
    return given.isEmpty() ? sha256Hex(request.body) : given;
}

SigV4Signature SigV4Signer::compute(const HttpRequest &request, const QDateTime &time) const
{
    const QByteArray date = amzDate(time);
    const QByteArray day = date.left(8);
    const auto [headerBlock, signedHeaders] =
        canonicalHeaders(request.headers, m_options.signedHeaderNames);

    SigV4Signature result;
    result.signedHeaders = signedHeaders;
    result.canonicalRequest = request.method + '\n'
        + canonicalUri(request.rawPath(), m_options.normalizePath, m_options.doubleEncodePath)
        + '\n' + canonicalQuery(request.rawQuery()) + '\n' + headerBlock + '\n' + signedHeaders
        + '\n' + payloadHash(request);
    const QByteArray scope = day + '/' + m_options.region.toUtf8() + '/'
        + m_options.service.toUtf8() + QByteArrayLiteral("/aws4_request");
    result.stringToSign = kAlgorithm + '\n' + date + '\n' + scope + '\n'
        + sha256Hex(result.canonicalRequest);
    const QByteArray key =
        signingKey(m_credentials.secretAccessKey, day, m_options.region, m_options.service);
    result.signature = hmacSha256(key, result.stringToSign).toHex();
    result.authorization = kAlgorithm + " Credential=" + m_credentials.accessKeyId.toUtf8() + '/'
        + scope + ", SignedHeaders=" + signedHeaders + ", Signature=" + result.signature;
    return result;
}

SigV4Signature SigV4Signer::sign(HttpRequest &request, const QDateTime &time) const
{
    HeaderList &headers = request.headers;
    headers.remove(QByteArrayLiteral("Authorization"));
    headers.set(QByteArrayLiteral("X-Amz-Date"), amzDate(time));
    const bool hasToken = !m_credentials.sessionToken.isEmpty();
    if (hasToken && m_options.signSessionToken)
        headers.set(QByteArrayLiteral("X-Amz-Security-Token"), m_credentials.sessionToken.toUtf8());
    else if (hasToken)
        headers.remove(QByteArrayLiteral("X-Amz-Security-Token"));  // added unsigned below
    if (m_options.addContentSha256Header)
        headers.set(QByteArrayLiteral("x-amz-content-sha256"), payloadHash(request));
    const SigV4Signature result = compute(request, time);
    headers.append(QByteArrayLiteral("Authorization"), result.authorization);
    if (hasToken && !m_options.signSessionToken)
        headers.set(QByteArrayLiteral("X-Amz-Security-Token"), m_credentials.sessionToken.toUtf8());
    return result;
}

} // namespace gw::aws
