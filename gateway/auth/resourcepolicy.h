#pragma once

#include "policyeffect.h"

#include <QHostAddress>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QStringList>

#include <optional>

namespace gw::auth {

// An API's resource policy (reference §5.7), compiled once at deploy time: `execute-api:/...`
// shorthands expanded to full ARNs, aws:SourceIp CIDR lists parsed. evaluate() then answers for
// one request: Deny if any matching statement denies, Allow if one allows, else Silent.
//
// Supported: Effect, Principal ("*" or {"AWS": "*"}; statements for named principals never match
// anonymous or authorizer callers, since Gatewright emulates no IAM identities), Action /
// NotAction, Resource / NotResource, and Condition operators IpAddress / NotIpAddress on
// aws:SourceIp (IPv4 and IPv6). Other condition keys (aws:SourceVpc, aws:SourceVpce...) cannot
// hold for a local request: a statement conditioned on them never matches.
class ResourcePolicy
{
public:
    // `arnPrefix` is arn:aws:execute-api:{region}:{account}:{apiId}. Null with `error` (and the
    // JSON path below the policy in `errorPath`) when the document is malformed.
    static std::optional<ResourcePolicy> compile(const QJsonObject &document, const QString &arnPrefix, QString *error,
                                                 QString *errorPath = nullptr);

    PolicyEffect evaluate(const QString &methodArn, const QHostAddress &sourceIp) const;
    // Whether an Allow statement admits `sourceIp` by an aws:SourceIp IpAddress condition (the
    // "listed ranges" of a PRIVATE endpoint).
    bool allowsSourceIpExplicitly(const QString &methodArn, const QHostAddress &sourceIp) const;
    bool isEmpty() const { return m_statements.isEmpty(); }

private:
    using Subnet = QPair<QHostAddress, int>;
    struct IpCondition
    {
        bool negated = false;   // NotIpAddress
        QList<Subnet> subnets;
    };
    struct Statement
    {
        bool allow = false;
        bool anyPrincipal = true;
        bool unsupportedCondition = false;
        QStringList actions;
        bool notAction = false;
        QStringList resources;
        bool notResource = false;
        QList<IpCondition> ipConditions;
    };
    bool matches(const Statement &s, const QString &arn, const QHostAddress &ip) const;

    QList<Statement> m_statements;
};

// "10.0.0.0/8", "2001:db8::/32" or a bare address (a /32 or /128). Null when malformed.
std::optional<QPair<QHostAddress, int>> parseCidr(const QString &text);

} // namespace gw::auth
