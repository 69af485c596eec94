#include "awsservicecatalog.h"

namespace gw::aws {
namespace {

using Protocol = AwsServiceInfo::Protocol;

AwsServiceInfo rest(const QString &name, Protocol protocol)
{
    AwsServiceInfo info;
    info.name = name;
    info.protocol = protocol;
    info.signingName = name;
    info.endpointPrefix = name;
    return info;
}

AwsServiceInfo json(const QString &name, const QString &target, const QString &version)
{
    AwsServiceInfo info = rest(name, Protocol::Json);
    info.targetPrefix = target;
    info.jsonVersion = version;
    return info;
}

AwsServiceInfo query(const QString &name, const QString &apiVersion)
{
    AwsServiceInfo info = rest(name, Protocol::Query);
    info.apiVersion = apiVersion;
    return info;
}

} // namespace

AwsServiceCatalog AwsServiceCatalog::standard()
{
    AwsServiceCatalog catalog;
    catalog.insert(json(QStringLiteral("dynamodb"), QStringLiteral("DynamoDB_20120810"), QStringLiteral("1.0")));
    catalog.insert(json(QStringLiteral("states"), QStringLiteral("AWSStepFunctions"), QStringLiteral("1.0")));
    catalog.insert(json(QStringLiteral("kinesis"), QStringLiteral("Kinesis_20131202"), QStringLiteral("1.1")));
    catalog.insert(json(QStringLiteral("events"), QStringLiteral("AWSEvents"), QStringLiteral("1.1")));
    catalog.insert(json(QStringLiteral("ssm"), QStringLiteral("AmazonSSM"), QStringLiteral("1.1")));
    catalog.insert(json(QStringLiteral("logs"), QStringLiteral("Logs_20140328"), QStringLiteral("1.1")));
    catalog.insert(json(QStringLiteral("firehose"), QStringLiteral("Firehose_20150804"), QStringLiteral("1.1")));
    catalog.insert(json(QStringLiteral("secretsmanager"), QStringLiteral("secretsmanager"), QStringLiteral("1.1")));
    catalog.insert(json(QStringLiteral("kms"), QStringLiteral("TrentService"), QStringLiteral("1.1")));
    catalog.insert(json(QStringLiteral("cognito-idp"), QStringLiteral("AWSCognitoIdentityProviderService"),
                        QStringLiteral("1.1")));

    // SQS speaks both; API Gateway's action/ form uses the query protocol unless the mapped
    // Content-Type asks for JSON.
    AwsServiceInfo sqs = query(QStringLiteral("sqs"), QStringLiteral("2012-11-05"));
    sqs.targetPrefix = QStringLiteral("AmazonSQS");
    sqs.jsonVersion = QStringLiteral("1.0");
    catalog.insert(sqs);
    catalog.insert(query(QStringLiteral("sns"), QStringLiteral("2010-03-31")));
    catalog.insert(query(QStringLiteral("sts"), QStringLiteral("2011-06-15")));
    catalog.insert(query(QStringLiteral("ec2"), QStringLiteral("2016-11-15")));
    catalog.insert(query(QStringLiteral("monitoring"), QStringLiteral("2010-08-01")));
    catalog.insert(query(QStringLiteral("cloudformation"), QStringLiteral("2010-05-15")));
    AwsServiceInfo iam = query(QStringLiteral("iam"), QStringLiteral("2010-05-08"));
    iam.global = true;
    catalog.insert(iam);
    AwsServiceInfo ses = query(QStringLiteral("email"), QStringLiteral("2010-12-01"));
    ses.signingName = QStringLiteral("ses");
    catalog.insert(ses);

    catalog.insert(rest(QStringLiteral("lambda"), Protocol::RestJson));
    catalog.insert(rest(QStringLiteral("execute-api"), Protocol::RestJson));
    catalog.insert(rest(QStringLiteral("apigateway"), Protocol::RestJson));
    AwsServiceInfo s3 = rest(QStringLiteral("s3"), Protocol::RestXml);
    s3.s3Signing = true;
    catalog.insert(s3);
    return catalog;
}

AwsServiceInfo AwsServiceCatalog::find(const QString &name) const
{
    const auto it = m_services.constFind(name);
    return it != m_services.cend() ? *it : rest(name, Protocol::RestJson);
}

} // namespace gw::aws
