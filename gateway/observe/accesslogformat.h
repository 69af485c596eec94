#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

namespace gw::observe {

// An access-log format with API Gateway's $context variables, parsed once (at deploy time).
// Unknown variables are an error, as is a format without $context.requestId or
// $context.extendedRequestId, or one spanning several lines (AWS's rules).
class AccessLogFormat
{
public:
    struct ParseResult;
    static ParseResult parse(const QString &format);

    // Values come from `lookup` ("requestId", "identity.sourceIp", ...); absent ones print "-".
    QString render(const std::function<QString(const QString &name)> &lookup) const;
    QStringList variables() const;

    static QStringList presetNames();             // CLF, JSON, XML, CSV
    static QString preset(const QString &name);   // the console's preset text
    static bool isKnownVariable(const QString &name);

private:
    struct Part
    {
        bool variable = false;
        QString text; // literal text, or the variable name without "$context."
    };
    QList<Part> m_parts;
};

struct AccessLogFormat::ParseResult
{
    bool ok = false;
    QString error;     // with the column, e.g. "column 12: unknown variable $context.foo"
    AccessLogFormat format;
};

} // namespace gw::observe
