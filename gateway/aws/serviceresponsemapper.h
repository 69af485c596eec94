#pragma once

#include "awsservicecatalog.h"

#include "gateway/core/headerlist.h"

namespace gw::aws {

// What an AWS integration call came to, in API Gateway's terms.
struct AwsServiceOutcome
{
    int status = 200;       // selection value for integration responses, or the client status
                            // when gatewayError is set
    bool serviceError = false;   // the service answered with an error (4xx/5xx) — still a
                                 // normal integration response, selected on `status`
    QString errorType;      // "ResourceNotFoundException", "InvalidParameter"...
    QString errorMessage;
    // Set when the call never produced a service answer: the API Gateway response type
    // (API_CONFIGURATION_ERROR, INTEGRATION_FAILURE, INTEGRATION_TIMEOUT), with its
    // default body message and the execution-log line.
    QString gatewayError;
    QString gatewayMessage;
    QString logLine;
};

// Turns a service's answer (or the lack of one) into an outcome. Pure functions; any thread.
class ServiceResponseMapper
{
public:
    enum class TransportFailure { ConnectionRefused, HostNotFound, Timeout, Tls, Other };

    // Error shapes understood: JSON `__type` / `message` (DynamoDB, Step Functions, Kinesis...),
    // x-amzn-ErrorType (REST-JSON: Lambda), query-protocol XML <ErrorResponse><Error><Code>
    // and its JSON form {"Error":{"Code"}}, S3's <Error><Code>.
    static AwsServiceOutcome fromResponse(const AwsServiceInfo &service, int status,
                                          const HeaderList &headers, const QByteArray &body);
    static AwsServiceOutcome fromTransportFailure(TransportFailure failure, const QString &detail);
    // The request could not be built or signed (bad URI, no credentials): a configuration error.
    static AwsServiceOutcome fromBuildError(const QString &error);
};

} // namespace gw::aws
