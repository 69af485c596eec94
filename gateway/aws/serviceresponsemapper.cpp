#include "serviceresponsemapper.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QXmlStreamReader>

namespace gw::aws {
namespace {

// "com.amazonaws.dynamodb.v20120810#ResourceNotFoundException" and
// "ValidationException:http://internal.amazon.com/coral/..." both name the type last/first.
QString shortErrorType(QString type)
{
    const qsizetype hash = type.lastIndexOf(QLatin1Char('#'));
    if (hash >= 0)
        type = type.mid(hash + 1);
    const qsizetype colon = type.indexOf(QLatin1Char(':'));
    return colon >= 0 ? type.left(colon) : type;
}

void readJsonError(const QByteArray &body, AwsServiceOutcome &outcome)
{
    const QJsonObject object = QJsonDocument::fromJson(body).object();
    if (object.isEmpty())
        return;
    const QJsonObject nested = object.value(QStringLiteral("Error")).toObject();
    const QJsonObject &source = nested.isEmpty() ? object : nested;
    for (const char *key : {"__type", "Code", "code", "Type"}) {
        const QString value = source.value(QLatin1String(key)).toString();
        if (!value.isEmpty() && outcome.errorType.isEmpty())
            outcome.errorType = shortErrorType(value);
    }
    for (const char *key : {"message", "Message", "errorMessage"}) {
        const QString value = source.value(QLatin1String(key)).toString();
        if (!value.isEmpty() && outcome.errorMessage.isEmpty())
            outcome.errorMessage = value;
    }
}

void readXmlError(const QByteArray &body, AwsServiceOutcome &outcome)
{
    QXmlStreamReader xml(body);
    bool inError = false;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        const auto name = xml.name();
        if (name == QLatin1String("Error")) {
            inError = true;
        } else if (inError && name == QLatin1String("Code")) {
            outcome.errorType = xml.readElementText();
        } else if (inError && name == QLatin1String("Message")) {
            outcome.errorMessage = xml.readElementText();
        }
    }
}

} // namespace

AwsServiceOutcome ServiceResponseMapper::fromResponse(const AwsServiceInfo &service, int status,
                                                      const HeaderList &headers, const QByteArray &body)
{
    Q_UNUSED(service); // every protocol's error shape is recognised by content, which also
                       // copes with Query services answering JSON to Accept: application/json
    AwsServiceOutcome outcome;
    outcome.status = status;
    outcome.serviceError = status >= 400;
    if (!outcome.serviceError)
        return outcome;
    const QByteArray headerType = headers.value("x-amzn-ErrorType");
    if (!headerType.isEmpty())
        outcome.errorType = shortErrorType(QString::fromUtf8(headerType));
    const QByteArray trimmed = body.trimmed();
    if (trimmed.startsWith('<'))
        readXmlError(trimmed, outcome);
    else
        readJsonError(trimmed, outcome);
    return outcome;
}

AwsServiceOutcome ServiceResponseMapper::fromTransportFailure(TransportFailure failure, const QString &detail)
{
    AwsServiceOutcome outcome;
    switch (failure) {
    case TransportFailure::Timeout:
        outcome.status = 504;
        outcome.gatewayError = QStringLiteral("INTEGRATION_TIMEOUT");
        outcome.gatewayMessage = QStringLiteral("Endpoint request timed out");
        outcome.logLine = QStringLiteral("Execution failed due to a timeout error");
        return outcome;
    case TransportFailure::ConnectionRefused:
    case TransportFailure::HostNotFound:
        outcome.status = 500;
        outcome.gatewayError = QStringLiteral("API_CONFIGURATION_ERROR");
        outcome.gatewayMessage = QStringLiteral("Internal server error");
        outcome.logLine = QStringLiteral("Execution failed due to configuration error: Invalid endpoint address (%1)").arg(detail);
        return outcome;
    case TransportFailure::Tls:
    case TransportFailure::Other:
        break;
    }
    outcome.status = 500;
    outcome.gatewayError = QStringLiteral("INTEGRATION_FAILURE");
    outcome.gatewayMessage = QStringLiteral("Internal server error");
    outcome.logLine = QStringLiteral("Execution failed due to a network error communicating with endpoint: %1").arg(detail);
    return outcome;
}

AwsServiceOutcome ServiceResponseMapper::fromBuildError(const QString &error)
{
    AwsServiceOutcome outcome;
    outcome.status = 500;
    outcome.gatewayError = QStringLiteral("API_CONFIGURATION_ERROR");
    outcome.gatewayMessage = QStringLiteral("Internal server error");
    outcome.logLine = QStringLiteral("Execution failed due to configuration error: ") + error;
    return outcome;
}

} // namespace gw::aws
