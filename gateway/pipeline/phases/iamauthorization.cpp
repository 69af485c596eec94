#include "iamauthorization.h"

#include "gateway/aws/sigv4verifier.h"

namespace gw::pipeline {

namespace {

const QString kPhase = QStringLiteral("authorizer");

// AWS shows only the last four digits of the account in a denial's resource ARN.
QString maskedAccount(const QString &arn)
{
    QStringList parts = arn.split(QLatin1Char(':'));
    if (parts.size() > 5 && parts[4].size() > 4)
        parts[4] = QString(parts[4].size() - 4, QLatin1Char('*')) + parts[4].right(4);
    return parts.join(QLatin1Char(':'));
}

GatewayError signatureError(const aws::SigV4Verification &v, bool httpApi)
{
    using F = aws::SigV4Failure;
    const QString logLine = QStringLiteral("Execution failed: SigV4 verification refused the request: %1")
                                .arg(v.message.section(QLatin1Char('\n'), 0, 0));
    switch (v.failure) {
    case F::Missing:
        // REST: 403 Missing Authentication Token; an HTTP API answers a plain 403 Forbidden.
        if (httpApi)
            return {QStringLiteral("ACCESS_DENIED"), QStringLiteral("Forbidden"), false,
                QStringLiteral("Execution failed: AWS_IAM route called without a signature")};
        return {QStringLiteral("MISSING_AUTHENTICATION_TOKEN"), v.message, false,
            QStringLiteral("Execution failed: AWS_IAM method called without a signature")};
    case F::Incomplete:
        return {QStringLiteral("INVALID_SIGNATURE"), v.message, false, logLine, 0, {},
            QByteArrayLiteral("IncompleteSignatureException")};
    case F::UnknownKey:
        return {QStringLiteral("INVALID_SIGNATURE"), v.message, false, logLine, 0, {},
            QByteArrayLiteral("UnrecognizedClientException")};
    case F::Mismatch:
    case F::Expired:
    case F::None:
        break;
    }
    return {QStringLiteral("INVALID_SIGNATURE"), v.message, false, logLine, 0, {},
        QByteArrayLiteral("InvalidSignatureException")};
}

} // namespace

PhaseResult IamAuthorization::run(RequestContext &ctx, auth::PolicyEffect policy, const QString &arn) const
{
    const bool httpApi = ctx.api && ctx.api->type == model::ApiType::Http;
    const auth::IamIdentityTable *table = ctx.config ? ctx.config->iamIdentities.get() : nullptr;
    const aws::SigV4Verifier verifier(
        ctx.config ? ctx.config->aws.region : QStringLiteral("us-east-1"), QStringLiteral("execute-api"));
    const QDateTime now = ctx.requestTime.isValid() ? ctx.requestTime : QDateTime::currentDateTimeUtc();
    const aws::SigV4Verification v
        = verifier.verify(ctx.request, now, [table](const QString &key) -> const aws::AwsCredentials * {
              const auth::IamIdentityEntry *e = table ? table->find(key) : nullptr;
              return e ? &e->credentials : nullptr;
          });
    if (!v.ok()) {
        if (ctx.tracing() && !v.canonicalRequest.isEmpty())
            ctx.log(kPhase,
                QStringLiteral("SigV4 canonical request computed for access key %1:\n%2\nString to sign:\n%3")
                    .arg(v.accessKeyId, QString::fromUtf8(v.canonicalRequest), QString::fromUtf8(v.stringToSign)));
        ctx.fail(signatureError(v, httpApi));
        return PhaseResult::Respond;
    }

    const auth::IamIdentityEntry &identity = *table->find(v.accessKeyId);
    ctx.iamCaller = identity.caller;
    const auth::PolicyEffect effect = identity.evaluate(arn);
    if (ctx.tracing())
        ctx.log(kPhase,
            QStringLiteral("Verified SigV4 %1 signature of %2 (access key %3); its execute-api:Invoke on %4: %5")
                .arg(v.presigned ? QStringLiteral("query-string") : QStringLiteral("header"), identity.caller.userArn,
                    v.accessKeyId, arn,
                    effect == auth::PolicyEffect::Deny        ? QStringLiteral("explicit deny")
                        : effect == auth::PolicyEffect::Allow ? QStringLiteral("allow")
                                                              : QStringLiteral("no matching statement")));
    // Reference §5.7: an explicit Deny always wins; silence passes only with the resource policy's Allow.
    if (effect == auth::PolicyEffect::Deny
        || (effect == auth::PolicyEffect::Silent && policy != auth::PolicyEffect::Allow)) {
        ctx.fail({QStringLiteral("ACCESS_DENIED"),
            QStringLiteral("User: %1 is not authorized to perform: execute-api:Invoke on resource: %2%3")
                .arg(identity.caller.userArn, maskedAccount(arn),
                    effect == auth::PolicyEffect::Deny ? QStringLiteral(" with an explicit deny") : QString()),
            false, QStringLiteral("Execution failed: %1 may not invoke %2").arg(identity.caller.userArn, arn)});
        return PhaseResult::Respond;
    }
    return PhaseResult::Continue;
}

} // namespace gw::pipeline
