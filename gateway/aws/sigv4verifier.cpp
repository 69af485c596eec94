#include "sigv4verifier.h"

#include "awsuriencoding.h"
#include "sigv4signer.h"

#include "gateway/observe/secretmask.h"

#include <QCryptographicHash>
#include <QMap>

#include <openssl/crypto.h>

namespace gw::aws {

namespace {

const QByteArray kAlgorithm = QByteArrayLiteral("AWS4-HMAC-SHA256");
const char *const kAmzDateFormat = "yyyyMMdd'T'HHmmss'Z'";

// What the client presented, from whichever of the two places it used.
struct Presented {
    bool presigned = false;
    QByteArray algorithm;
    QByteArray credential;
    QByteArray signedHeaders;
    QByteArray signature;
    QByteArray date; // X-Amz-Date as sent (or the Date header)
    bool rfcDate = false; // date came from the Date header (RFC 1123)
    QByteArray expires;
    QByteArray securityToken;
};

// The X-Amz-* parameters of a query string, decoded (names are case-sensitive, as AWS reads them).
QMap<QByteArray, QByteArray> amzQueryParameters(const QByteArray &rawQuery)
{
    QMap<QByteArray, QByteArray> out;
    for (const QByteArray &piece : rawQuery.split('&')) {
        const qsizetype eq = piece.indexOf('=');
        const QByteArray name = percentDecode(eq < 0 ? piece : piece.left(eq));
        if (name.startsWith("X-Amz-"))
            out.insert(name, eq < 0 ? QByteArray() : percentDecode(piece.mid(eq + 1)));
    }
    return out;
}

// The query string as signed: every parameter but X-Amz-Signature, in the order sent.
QByteArray withoutSignature(const QByteArray &rawQuery)
{
    QList<QByteArray> kept;
    for (const QByteArray &piece : rawQuery.split('&')) {
        const qsizetype eq = piece.indexOf('=');
        if (percentDecode(eq < 0 ? piece : piece.left(eq)) != "X-Amz-Signature")
            kept.append(piece);
    }
    return kept.join('&');
}

QString amz(const QDateTime &time)
{
    return time.toUTC().toString(QLatin1String(kAmzDateFormat));
}

} // namespace

SigV4Verification SigV4Verifier::verify(
    const HttpRequest &request, const QDateTime &now, const CredentialLookup &lookup) const
{
    SigV4Verification v;
    const auto fail = [&v](SigV4Failure failure, const QString &message) {
        v.failure = failure;
        v.message = message;
        return v;
    };
    const QByteArray authorization = request.headers.value("authorization").trimmed();
    const QMap<QByteArray, QByteArray> query = amzQueryParameters(request.rawQuery());
    const bool queryAuth
        = query.contains("X-Amz-Algorithm") || query.contains("X-Amz-Credential") || query.contains("X-Amz-Signature");
    if (authorization.isEmpty() && !queryAuth)
        return fail(SigV4Failure::Missing, QStringLiteral("Missing Authentication Token"));
    if (!authorization.isEmpty() && queryAuth)
        return fail(SigV4Failure::Incomplete,
            QStringLiteral(
                "Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter, Signature query string "
                "parameter or the Authorization header should be specified"));

    Presented p;
    if (!authorization.isEmpty()) {
        const qsizetype space = authorization.indexOf(' ');
        p.algorithm = space < 0 ? authorization : authorization.left(space);
        QMap<QByteArray, QByteArray> params;
        for (QByteArray piece : (space < 0 ? QByteArray() : authorization.mid(space + 1)).split(',')) {
            piece = piece.trimmed();
            if (piece.isEmpty())
                continue;
            const qsizetype eq = piece.indexOf('=');
            // The header may be someone's bearer token: AWS shows only its hash.
            if (eq <= 0)
                return fail(SigV4Failure::Incomplete,
                    QStringLiteral(
                        "Invalid key=value pair (missing equal-sign) in Authorization header (hashed with SHA-256 and "
                        "encoded with Base64): '%1'.")
                        .arg(QString::fromLatin1(
                            QCryptographicHash::hash(authorization, QCryptographicHash::Sha256).toBase64())));
            params.insert(piece.left(eq).trimmed(), piece.mid(eq + 1).trimmed());
        }
        p.credential = params.value("Credential");
        p.signedHeaders = params.value("SignedHeaders");
        p.signature = params.value("Signature");
        p.date = request.headers.value("x-amz-date").trimmed();
        if (p.date.isEmpty()) {
            p.date = request.headers.value("date").trimmed();
            p.rfcDate = !p.date.isEmpty();
        }
        p.securityToken = request.headers.value("x-amz-security-token");
        QStringList missing;
        if (!params.contains("Credential"))
            missing.append(QStringLiteral("Authorization header requires 'Credential' parameter."));
        if (!params.contains("Signature"))
            missing.append(QStringLiteral("Authorization header requires 'Signature' parameter."));
        if (!params.contains("SignedHeaders"))
            missing.append(QStringLiteral("Authorization header requires 'SignedHeaders' parameter."));
        if (p.date.isEmpty())
            missing.append(
                QStringLiteral("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header."));
        if (!missing.isEmpty())
            return fail(SigV4Failure::Incomplete,
                missing.join(QLatin1Char(' ')) + QStringLiteral(" Authorization=") + QString::fromUtf8(authorization));
    } else {
        p.presigned = true;
        for (const char *name : {"X-Amz-Algorithm", "X-Amz-Credential", "X-Amz-Signature", "X-Amz-Date",
                 "X-Amz-SignedHeaders", "X-Amz-Expires"})
            if (query.value(name).isEmpty())
                return fail(SigV4Failure::Incomplete,
                    QStringLiteral(
                        "Query-string authentication version 4 requires the X-Amz-Algorithm, X-Amz-Credential, "
                        "X-Amz-Signature, X-Amz-Date, X-Amz-SignedHeaders, and X-Amz-Expires parameters."));
        p.algorithm = query.value("X-Amz-Algorithm");
        p.credential = query.value("X-Amz-Credential");
        p.signedHeaders = query.value("X-Amz-SignedHeaders");
        p.signature = query.value("X-Amz-Signature");
        p.date = query.value("X-Amz-Date");
        p.expires = query.value("X-Amz-Expires");
        p.securityToken = query.value("X-Amz-Security-Token");
    }
    v.presigned = p.presigned;
    if (p.algorithm != kAlgorithm)
        return fail(SigV4Failure::Incomplete,
            QStringLiteral("Unsupported AWS 'algorithm': '%1'").arg(QString::fromUtf8(p.algorithm)));

    QDateTime date = p.rfcDate ? QDateTime::fromString(QString::fromLatin1(p.date), Qt::RFC2822Date)
                               : QDateTime::fromString(QString::fromLatin1(p.date), QLatin1String(kAmzDateFormat));
    if (!date.isValid())
        return fail(SigV4Failure::Incomplete,
            QStringLiteral(
                "Date must be in ISO-8601 'basic format'. Got '%1'. See http://en.wikipedia.org/wiki/ISO_8601")
                .arg(QString::fromLatin1(p.date)));
    if (!p.rfcDate)
        date.setTimeSpec(Qt::UTC);
    const QString amzDate = amz(date);

    const QList<QByteArray> scope = p.credential.split('/');
    v.accessKeyId = QString::fromUtf8(scope.value(0));
    if (scope.size() != 5 || scope[4] != "aws4_request")
        return fail(SigV4Failure::Incomplete,
            QStringLiteral("Credential should be scoped with a valid terminator: 'aws4_request', not '%1'. ")
                .arg(QString::fromUtf8(scope.size() > 1 ? scope.last() : QByteArray())));
    if (QString::fromUtf8(scope[3]) != m_service)
        return fail(SigV4Failure::Mismatch,
            QStringLiteral("Credential should be scoped to correct service: '%1'. ").arg(m_service));
    if (QString::fromUtf8(scope[2]) != m_region)
        return fail(SigV4Failure::Mismatch, QStringLiteral("Credential should be scoped to a valid region. "));
    if (scope[1] != amzDate.left(8).toLatin1())
        return fail(SigV4Failure::Mismatch,
            QStringLiteral("Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: "
                           "'%1' != '%2', from '%3'.")
                .arg(QString::fromUtf8(scope[1]), amzDate.left(8), amzDate));

    QList<QByteArray> signedNames;
    for (const QByteArray &name : p.signedHeaders.split(';'))
        if (!name.trimmed().isEmpty())
            signedNames.append(name.trimmed().toLower());
    if (!signedNames.contains("host") && !signedNames.contains(":authority"))
        return fail(SigV4Failure::Incomplete,
            QStringLiteral("'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization."));

    // Clock skew: AWS allows 5 minutes either way; a presigned URL lives X-Amz-Expires seconds.
    const qint64 age = date.secsTo(now);
    qint64 lifetime = kClockSkewSeconds;
    if (p.presigned) {
        bool number = false;
        lifetime = p.expires.toLongLong(&number);
        if (!number || lifetime <= 0)
            return fail(SigV4Failure::Incomplete, QStringLiteral("X-Amz-Expires should be a number"));
        if (lifetime > kMaxExpiresSeconds)
            return fail(SigV4Failure::Incomplete,
                QStringLiteral("X-Amz-Expires must be less than a week (in seconds) that is 604800"));
    }
    if (age > lifetime)
        return fail(SigV4Failure::Expired,
            QStringLiteral("Signature expired: %1 is now earlier than %2 (%3 - %4)")
                .arg(amzDate, amz(now.addSecs(-lifetime)), amz(now),
                    p.presigned ? QStringLiteral("%1 sec.").arg(lifetime) : QStringLiteral("5 min.")));
    if (-age > kClockSkewSeconds)
        return fail(SigV4Failure::Expired,
            QStringLiteral("Signature not yet current: %1 is still later than %2 (%3 + 5 min.)")
                .arg(amzDate, amz(now.addSecs(kClockSkewSeconds)), amz(now)));

    const AwsCredentials *credentials = lookup(v.accessKeyId);
    // A session token belongs to its key: a missing, extra or different one is refused alike.
    if (!credentials || QString::fromUtf8(p.securityToken) != credentials->sessionToken)
        return fail(SigV4Failure::UnknownKey, QStringLiteral("The security token included in the request is invalid."));

    HttpRequest signedPart;
    signedPart.method = request.method;
    signedPart.target = request.target;
    if (p.presigned) {
        const QByteArray query = withoutSignature(request.rawQuery());
        signedPart.target = query.isEmpty() ? request.rawPath() : QByteArray(request.rawPath() + '?' + query);
    }
    signedPart.headers = request.headers;
    signedPart.body = request.body;
    SigV4Options options;
    options.region = m_region;
    options.service = m_service;
    options.signedHeaderNames = signedNames;
    const SigV4Signature expected = SigV4Signer(*credentials, options).compute(signedPart, date);
    // What is shown (response body, trace) never holds the identity's session token in clear.
    v.canonicalRequest = expected.canonicalRequest;
    if (const QByteArray token = credentials->sessionToken.toUtf8(); !token.isEmpty()) {
        const QByteArray masked = observe::maskSecret(token);
        v.canonicalRequest.replace(uriEncode(token), masked).replace(token, masked);
    }
    v.stringToSign = expected.stringToSign;
    const QByteArray given = p.signature.toLower();
    if (given.size() != expected.signature.size()
        || CRYPTO_memcmp(given.constData(), expected.signature.constData(), size_t(given.size())) != 0)
        return fail(SigV4Failure::Mismatch,
            QStringLiteral(
                "The request signature we calculated does not match the signature you provided. Check your AWS Secret "
                "Access Key and signing method. Consult the service documentation for details.\n\nThe Canonical String "
                "for this request should have been\n'%1'\n\nThe String-to-Sign should have been\n'%2'\n")
                .arg(QString::fromUtf8(v.canonicalRequest), QString::fromUtf8(v.stringToSign)));
    return v;
}

} // namespace gw::aws
