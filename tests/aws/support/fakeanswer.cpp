#include "fakeanswer.h"

#include <QJsonDocument>

namespace gwtest {

FakeAnswer FakeAnswer::json(const QJsonObject &object, int status, const QByteArray &contentType)
{
    return {status, contentType, QJsonDocument(object).toJson(QJsonDocument::Compact)};
}

FakeAnswer FakeAnswer::jsonError(int status, const QString &type, const QString &message,
                                 const QByteArray &contentType)
{
    return json({{QStringLiteral("__type"), type}, {QStringLiteral("message"), message}}, status, contentType);
}

FakeAnswer FakeAnswer::xmlError(int status, const QString &code, const QString &message)
{
    const QByteArray body = "<ErrorResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\">\n"
                            "  <Error>\n    <Type>Sender</Type>\n    <Code>"
        + code.toHtmlEscaped().toUtf8() + "</Code>\n    <Message>" + message.toHtmlEscaped().toUtf8()
        + "</Message>\n  </Error>\n  <RequestId>00000000-0000-0000-0000-000000000000</RequestId>\n"
          "</ErrorResponse>\n";
    return {status, "text/xml", body};
}

} // namespace gwtest
