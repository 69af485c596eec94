#pragma once

#include "awscredentials.h"
#include "awsintegrationuri.h"
#include "awsservicecatalog.h"
#include "serviceendpoints.h"

#include "gateway/core/headerlist.h"

#include <QDateTime>
#include <QUrl>

namespace gw::aws {

// What the integration phase has after parameter mapping and the request template.
struct AwsIntegrationRequest
{
    QString uri;                // arn:aws:apigateway:...
    QByteArray httpMethod;      // integrationHttpMethod, ANY already resolved to the request's
    QByteArray body;            // rendered template or passed-through body
    HeaderList headers;         // integration.request.header.* values
    QList<QPair<QString, QString>> query;  // integration.request.querystring.*, decoded
    QHash<QString, QString> pathParameters; // integration.request.path.*, for {name} in path/ URIs
};

// The signed request to put on the wire. Send url.toEncoded() exactly (it is what was signed),
// with exactly these headers and body; the sender may add Content-Length, Connection,
// User-Agent, Accept-Encoding (they are not signed).
struct AwsWireRequest
{
    QByteArray method;
    QUrl url;
    HeaderList headers;
    QByteArray body;
    AwsServiceInfo service;
    QString region;
    QString action;             // empty for path/ URIs
    QByteArray canonicalRequest;  // for the execution trace (holds no secret)
    QString error;              // set instead of everything else when the request can't be built

    bool ok() const { return error.isEmpty(); }
};

// Builds and signs AWS service integration requests (API Gateway integration type AWS).
// Immutable after construction; build() may run on any thread at once.
//
// How the integration phase uses it (engine wiring, done by the pipeline owner):
//   1. at deploy time: resolve credentials once (CredentialsProvider::resolve(project profile));
//      a failure is a deploy diagnostic; make one builder per API with the project's endpoints;
//   2. per request: AwsWireRequest wire = builder.build({uri, method, body, headers, query, path});
//      !wire.ok() → ServiceResponseMapper::fromBuildError(wire.error) (500, configuration error);
//   3. send wire.method / wire.url / wire.headers / wire.body with the worker's upstream client;
//   4. ServiceResponseMapper::fromResponse(wire.service, status, headers, body) gives the
//      status for integration-response selection (DynamoDB's 400 + __type stays 400) plus the
//      error type and message for the trace; a transport failure goes to fromTransportFailure().
class ServiceRequestBuilder
{
public:
    ServiceRequestBuilder(AwsCredentials credentials, ServiceEndpoints endpoints,
                          AwsServiceCatalog catalog = AwsServiceCatalog::standard());

    AwsWireRequest build(const AwsIntegrationRequest &request,
                         const QDateTime &now = QDateTime::currentDateTimeUtc()) const;

private:
    AwsCredentials m_credentials;
    ServiceEndpoints m_endpoints;
    AwsServiceCatalog m_catalog;
};

} // namespace gw::aws
